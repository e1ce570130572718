"""YAML-heavy random connection files for ``generate_local_filesystem_fuzz.py --yaml``: vectors/local_filesystem_yaml_fuzz.json.

Each file is a ``.yaml``/``.yml`` text built to reach the corners where PyYAML (YAML 1.1, libyaml's
``CSafeLoader`` in Airflow) and other YAML readers part: quoted scalars with escapes and line
folding (under-indented continuation lines too), block scalars with chomping and indentation
indicators, comments in odd places, document markers and directives, several documents, anchors,
aliases and merge keys, tags (``!!str``, ``!!int``, ``!!binary``, ``!!python/...``, local tags),
YAML 1.1 scalars (yes/no/on/off, octal, sexagesimal, dates, ``.inf``, hex, ``1_000``), non-ASCII,
tabs, CRLF, NEL/U+2028/U+2029, a BOM, deep nesting, duplicate and non-string keys, flow
collections over several lines, and now and then a syntax error.
"""

from __future__ import annotations

import json
import random

from _common import pick, write_vectors
from generate_local_filesystem import run_case

IDS = ["aws_default", "pg", "my-conn.1", "AWS/Prod", "conn_é", "日本", "z", "a b", "x#y", "-dash", "?q", "k:v"]
SAFE = ["h", "db.example", "é", "日本", "a b", "p@ss:w/rd", "x#y", "x #y", "x,y", "x:y", "x\tb", "-x", "?x", "x?", "x]", "%"]
# plain texts that start with an indicator or hold ": ": errors, or something else than a string
RISKY = ["a: b", "- x", "'q", "%x", "@x", "`x", "[x", "{x", "!x", "&x", "*x", "|x", ">x", "x:", ":x", "? x", "#x"]


def plain(rng: random.Random) -> str:
    return pick(rng, RISKY) if rng.random() < 0.06 else pick(rng, SAFE)


YAML11 = [
    "yes", "No", "ON", "off", "y", "n", "Y", "~", "null", "NULL", "Null", "true", "False", "TRUE",
    "012", "0o12", "0x1F", "0b101", "1_000", "1:20", "190:20:30", "-1:30", "1.5", "1e3", "1.0e+3",
    ".5", "+12", "-0", "0", "08", "09.5", "1__0", "0.", "-.inf", ".NaN", ".inf", "2001-12-14",
    "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "=", "<<", "1,000", "0xg", "+.5", "1:60",
]
ESCAPES = ["\\n", "\\t", "\\x41", "\\u00e9", "\\U0001F600", '\\"', "\\\\", "\\/", "\\0", "\\a", "\\b", "\\e", "\\f", "\\v", "\\N", "\\_", "\\L", "\\P", "\\ ", "\\\t", "\\q", "\\x4", "\\u12"]
TAGS = ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!binary", "!!python/str", "!!python/object:os.system", "!custom", "!<tag:yaml.org,2002:str>", "!!timestamp", "!!map", "!!seq", "!"]
COMMENTS = ["# c", "#", "  # indented", "# c", "#no-space", "# 日本", " \t# tab"]
FIELDS = ["conn_type", "host", "login", "password", "schema", "description"]
URIS = ["aws://h", "aws://AKIA:SECRET@/?region_name=eu-west-1", "postgres://u:p@db:5432/s", "aws://a # not a comment", "aws://h?x=1&y=é"]


def quoted(rng: random.Random, indent: int) -> str:
    """A single- or double-quoted scalar, now and then over several lines (under-indented too)."""
    parts = [pick(rng, SAFE + RISKY + ["x"] * 4) for _ in range(rng.randint(1, 3))]
    double = rng.random() < 0.6
    out = ""
    for n, part in enumerate(parts):
        if double:
            part = part.replace("\\", "\\\\").replace('"', '\\"')
            if rng.random() < 0.35:
                part += pick(rng, ESCAPES)
        else:
            part = part.replace("'", "''")
        if n:
            roll = rng.random()
            pad = " " * pick(rng, [indent + 2, indent + 2, indent, 0, 1])
            if roll < 0.45:
                out += "\n" + pad
            elif roll < 0.6:
                out += "\n\n" + pad
            elif roll < 0.7 and double:
                out += "\\\n" + pad
            elif roll < 0.75:
                out += " \t\n" + "\t" + pad
            else:
                out += " "
        out += part
    q = '"' if double else "'"
    return q + out + q


def block(rng: random.Random, indent: int) -> list[str]:
    """A block scalar: the header (with chomping/indentation indicators and a comment), then its lines."""
    style = pick(rng, ["|", ">"])
    chomp = pick(rng, ["", "", "-", "+"])
    digit = pick(rng, ["", "", "", "2", "1"])
    header = style + (chomp + digit if rng.random() < 0.5 else digit + chomp)
    if rng.random() < 0.15:
        header += " # c"
    body_indent = indent + (int(digit) if digit else pick(rng, [2, 2, 4]))
    lines = [header]
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        if roll < 0.15:
            lines.append("")
        elif roll < 0.25:
            lines.append(" " * (body_indent + 2) + pick(rng, SAFE + RISKY))  # more indented
        elif roll < 0.3:
            lines.append(" " * body_indent + "# not a comment")
        elif roll < 0.33:
            lines.append(" " * max(body_indent - 1, 0) + "less")  # ends the scalar (or breaks it)
        else:
            lines.append(" " * body_indent + pick(rng, SAFE + RISKY + URIS))
    if rng.random() < 0.3:
        lines.extend([""] * rng.randint(1, 2))
    return lines


def scalar(rng: random.Random, indent: int) -> list[str]:
    """A scalar value: the text after ``key: `` and any lines it continues on."""
    roll = rng.random()
    if roll < 0.3:
        text = pick(rng, YAML11)
    elif roll < 0.45:
        text = plain(rng) if rng.random() < 0.6 else pick(rng, URIS)
    elif roll < 0.7:
        text = quoted(rng, indent)
    elif roll < 0.82:
        return block(rng, indent)
    elif roll < 0.9:
        text = pick(rng, TAGS) + " " + pick(rng, YAML11 + ['"12"', "'x'", "aGVsbG8=", "[1]", "{a: 1}", ""])
    else:
        # a plain scalar over two lines
        first = plain(rng) if rng.random() < 0.3 else pick(rng, ["h", "é", "a b", "x,y"])
        text = first + "\n" + " " * (indent + pick(rng, [2, 2, 4, 0])) + pick(rng, SAFE + YAML11)
    lines = text.split("\n")
    return lines


def flow(rng: random.Random, depth: int) -> str:
    """A flow collection, now and then over several lines, with trailing commas and empty entries."""
    if depth > 3 or rng.random() < 0.3:
        return pick(rng, YAML11 + ["x", '"q"', "'s'", "é"])
    items = []
    mapping = rng.random() < 0.5
    for _ in range(rng.randint(0, 3)):
        value = flow(rng, depth + 1)
        if mapping:
            key = pick(rng, ["a", "b", "region_name", '"k"', "1", "null", "a", "b", "? x", ""])
            items.append(f"{key}: {value}" if rng.random() < 0.9 else key)
        else:
            items.append(value if rng.random() < 0.9 else f"k: {value}")
    sep = pick(rng, [", ", ",", ",\n  ", "\n, ", " ,"])
    body = sep.join(items) + (pick(rng, ["", "", ",", " ,"]) if items else "")
    return ("{" + body + "}") if mapping else ("[" + body + "]")


def connection(rng: random.Random, indent: int, anchors: list[str]) -> list[str]:
    """A connection object's lines at ``indent``: fields with scalars, an extra, merges, comments."""
    pad = " " * indent
    out: list[str] = []
    if anchors and rng.random() < 0.25:
        out.append(f"{pad}<<: {pick(rng, ['*' + pick(rng, anchors), '[' + ', '.join('*' + a for a in anchors) + ']'])}")
    for name in rng.sample(FIELDS, rng.randint(1, 4)):
        lines = scalar(rng, indent)
        anchor = ""
        if rng.random() < 0.06:
            anchor = f"&f{len(anchors)} "
            anchors.append(f"f{len(anchors)}")
        head = f"{pad}{name}: {anchor}{lines[0]}"
        if rng.random() < 0.05:
            gap = pick(rng, ["\t", "  ", " #c"])
            head = f"{pad}{name}:{gap}{'' if gap == ' #c' else lines[0]}"
        out.append(head)
        out.extend(lines[1:])
        if rng.random() < 0.08:
            out.append(pad + pick(rng, COMMENTS))
    if rng.random() < 0.3:
        out.append(f"{pad}port: {pick(rng, ['5432', '0x10', '012', '1:20', '1_000', '!!str 5432', '5432.0', '~', 'yes'])}")
    if rng.random() < 0.45:
        roll = rng.random()
        if roll < 0.5:
            out.append(f"{pad}extra: {flow(rng, 0)}")
        else:
            out.append(f"{pad}extra:")
            depth = rng.choice([1, 1, 2, 5, 30])
            for level in range(depth):
                key = pick(rng, ["region_name", "k", "日本", "'q k'", "1", "yes", "n"])
                at = indent + 2 * (level + 1)
                if level < depth - 1:
                    out.append(" " * at + f"{key}:")
                else:
                    value = scalar(rng, at)
                    out.append(" " * at + f"{key}: {value[0]}")
                    out.extend(value[1:])
    if rng.random() < 0.06:
        out.append(f"{pad}{pick(rng, FIELDS)}: dup")
    return out


def yaml_heavy_file(rng: random.Random) -> str:
    lines: list[str] = []
    anchors: list[str] = []
    if rng.random() < 0.06:
        lines.append(pick(rng, ["%YAML 1.1", "%YAML 1.1", "%YAML 1.2", "%TAG !e! tag:example.com,2000:", "%FOO bar", "%YAML 2.0"]))
        lines.append("---")
    elif rng.random() < 0.15:
        lines.append(pick(rng, ["---", "--- # doc", "--- !!map"]))
    if rng.random() < 0.15:
        lines.append("defaults: &d")
        anchors.append("d")
        lines.extend(connection(rng, 2, []))
    for _ in range(rng.choice([1, 1, 2, 2, 3])):
        roll = rng.random()
        key = pick(rng, IDS)
        if roll < 0.08:
            key = pick(rng, ["null", "~", "yes", "1", "0x1F", "1.5", '"null"', "'1'", "? k", "!!str 1", "2001-01-01"])
        elif roll < 0.2:
            key = pick(rng, [f'"{key}"', f"'{key}'", f"&k{len(anchors)} {key}", f"!!str {key}"])
        kind = rng.random()
        if kind < 0.25:
            value = scalar(rng, 0) if rng.random() < 0.4 else [pick(rng, URIS)]
            lines.append(f"{key}: {value[0]}")
            lines.extend(value[1:])
        elif kind < 0.32:
            lines.append(f"{key}: {flow(rng, 0)}")
        elif kind < 0.38 and anchors:
            lines.append(f"{key}: *{pick(rng, anchors + ['nope'])}")
        elif kind < 0.45:
            lines.append(f"{key}:")
            inner = connection(rng, 4, anchors)
            lines.append("  - " + inner[0].lstrip())
            lines.extend(inner[1:])
        else:
            lines.append(f"{key}:{pick(rng, ['', '', ' # c', '  '])}")
            lines.extend(connection(rng, pick(rng, [2, 2, 4, 1]), anchors))
        if rng.random() < 0.1:
            lines.append(pick(rng, COMMENTS + ["", "  "]))
    if rng.random() < 0.06:
        lines.insert(rng.randrange(len(lines) + 1), pick(rng, ["\tbad: tab", " bad indent: x", "bad: 'open", "bad: [1, 2", ": nokey", "bad", "- item", "k: v: w", "k: @x"]))
    if rng.random() < 0.08:
        lines.append(pick(rng, ["...", "...", "... # end", "---", "--- \nother: aws://h", "...\n---\nz: aws://z"]))
    newline = pick(rng, ["\n"] * 10 + ["\r\n", "\r", "\x85", "\u2028", "\u2029"])
    text = newline.join(lines) + (newline if rng.random() < 0.9 else "")
    if rng.random() < 0.06:
        text = "\ufeff" + text
    if rng.random() < 0.04:
        at = rng.randrange(len(text) + 1)
        text = text[:at] + pick(rng, ["\u2028", "\u2029", "\x85", "\t", "\ufeff", "\x07", "\ud7ff"]) + text[at:]
    return text


def random_file(rng: random.Random) -> tuple[str, str]:
    return pick(rng, ["connections.yaml", "connections.yaml", "connections.yml"]), yaml_heavy_file(rng)


FILE_CASES = 800


def yaml_round(seed: int, count: int) -> None:
    """The YAML-heavy round (``_yaml_fuzz``): ids ``yaml-<seed>-<n>``.

    A case whose outcome JSON cannot carry (a date, ``bytes``, a set, a non-finite float) is drawn
    again. A top-level key PyYAML reads as something other than a string (``null``, ``1``, ``yes``)
    gives a connection no string id finds: it is left out of ``expected`` and kept in
    ``non_string_keys``, under Python's ``repr`` of the key.
    """
    rng = random.Random(seed)
    cases = []
    while len(cases) < count:
        filename, content = random_file(rng)
        outcome = run_case(filename, content)
        expected = outcome["expected"]
        if expected is not None and any(not isinstance(k, str) for k in expected):
            outcome["non_string_keys"] = {repr(k): v for k, v in expected.items() if not isinstance(k, str)}
            outcome["expected"] = {k: v for k, v in expected.items() if isinstance(k, str)}
        try:
            json.dumps(outcome, allow_nan=False)
        except (TypeError, ValueError):
            continue
        cases.append({"id": f"yaml-{seed}-{len(cases):04d}", "filename": filename, "content": content, **outcome})
    # Files of at most FILE_CASES cases each (vectors/local_filesystem_yaml_fuzz.json, then
    # local_filesystem_yaml_fuzz_2.json, ...), so that no committed vector file passes 1 MB.
    for start in range(0, len(cases), FILE_CASES):
        part = start // FILE_CASES + 1
        name = "local_filesystem_yaml_fuzz.json" if part == 1 else f"local_filesystem_yaml_fuzz_{part}.json"
        write_vectors(name, "generate_local_filesystem_fuzz.py --yaml", cases[start : start + FILE_CASES])
