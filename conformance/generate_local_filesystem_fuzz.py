"""Generate vectors/local_filesystem_fuzz.json: seeded random connection files.

Each case is a random ``.env``, ``.json`` or ``.yaml``/``.yml`` file (comments, blank lines,
duplicate keys, ``=`` in values, quotes, whitespace, unicode, URI and object values, lists, nested
extra, wrong types, empty files and broken syntax, now and then) read by
``airflow.secrets.local_filesystem.load_connections_dict`` exactly as
``generate_local_filesystem.py`` does (its ``run_case``), recorded in the same shape. YAML files are
mostly in the plain block style, some with flow collections, anchors, quoted and block scalars.
The seed is fixed: running it twice gives the same file.

With no arguments it also writes vectors/local_filesystem_yaml_fuzz.json, a YAML-heavy round
(``_yaml_fuzz.py``, seed ``YAML_SEED``); ``--yaml [seed [count]]`` runs that round alone.
"""

from __future__ import annotations

import json
import random
import re
import sys
from typing import Any

from _common import fuzz_arguments, pick, write_vectors
from _yaml_fuzz import yaml_round
from generate_local_filesystem import run_case

SEED = 20261202
COUNT = 1000
# The YAML-heavy round (--yaml): vectors/local_filesystem_yaml_fuzz.json.
YAML_SEED = 20261203
YAML_COUNT = 1600

IDS = ["aws_default", "pg", "my-conn.1", "AWS/Prod", "a#b", "x:y", "conn_é", "日本", "UPPER", "z", "with space", "t\\u"]
URIS = [
    "aws://AKIA:SECRET@/?region_name=eu-west-1",
    "postgres://u:p@db:5432/s",
    "aws://h",
    "aws://user:pa%2Fss@host:1/db?a=1&b=x",
    "aws://",
    "mysql://h?x=a=b",
    "aws://%E6%97%A5:%C3%A9@h",
    "aws://h?region_name=eu-west-1&verify=false&n=null",
    "http://h/?__extra__=%7B%22a%22%3A1%7D",
    "google-cloud-platform://?key=v",
    "aws://a # not a comment",
    "aws://h:1/db?t=30",
    "1aws://h",
    "aws://[::1]:80",
]
TEXTS = ["h", "db.example", "", " ", "é", "日本", "a b", "p@ss:w/rd", "x#y", "null", "yes", "0755", "1.5", "2001-12-14"]
WRONG = [1, 0, 1.5, True, False, None, [], ["a"], {}, {"a": 1}]
EXTRAS = [
    {},
    {"region_name": "eu-west-1"},
    {"region_name": "eu-west-1", "config_kwargs": {"retries": {"max_attempts": 5}}},
    {"a": {"b": [1, 2, {"c": None}]}, "n": 1.5, "t": True},
    {"k": "v=w", "u": "日本"},
    '{"region_name": "us-east-1"}',
    "{oops",
    "",
    "[1, 2]",
    [],
    5,
]
FIELDS = ["conn_type", "host", "login", "password", "schema", "port", "extra", "description"]


def random_object(rng: random.Random, conn_id: str) -> dict[str, Any]:
    """A connection object: a random subset of the fields, now and then a wrong type or key."""
    obj: dict[str, Any] = {}
    for name in FIELDS:
        if rng.random() < 0.45:
            continue
        if name == "conn_type":
            value = pick(rng, ["aws", "aws", "postgres", "postgresql", "AWS", "", "google-cloud-platform"])
        elif name == "port":
            value = pick(rng, [5432, 5432, 0, "5432", " 80 ", "x", -1, 65536, 1.5, None, True])
        elif name == "extra":
            value = pick(rng, EXTRAS)
        else:
            value = pick(rng, TEXTS)
        if name != "extra" and rng.random() < 0.07:
            value = pick(rng, WRONG)
        obj[name] = value
    roll = rng.random()
    if roll < 0.04:
        obj["uri"] = pick(rng, URIS)
    elif roll < 0.07:
        obj["extra_dejson"] = pick(rng, [{"a": 1}, {}, {"r": [1]}])
    elif roll < 0.1:
        obj["conn_id"] = pick(rng, [conn_id, conn_id, "other"])
    elif roll < 0.12:
        obj[pick(rng, ["region_name", "user", "Host"])] = "x"
    return obj


def random_value(rng: random.Random, conn_id: str) -> Any:
    roll = rng.random()
    if roll < 0.45:
        return pick(rng, URIS)
    if roll < 0.8:
        return random_object(rng, conn_id)
    if roll < 0.87:
        return [pick(rng, [pick(rng, URIS), random_object(rng, conn_id)])]
    if roll < 0.9:
        return [pick(rng, URIS), pick(rng, URIS)]
    if roll < 0.92:
        return []
    return pick(rng, WRONG)


def random_ids(rng: random.Random) -> list[str]:
    ids = [pick(rng, IDS) for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 4]))]
    if rng.random() < 0.85:
        ids = list(dict.fromkeys(ids))  # duplicates only now and then
    return ids


# ---------------------------------------------------------------- .env


def env_file(rng: random.Random) -> str:
    lines: list[str] = []
    for conn_id in random_ids(rng):
        roll = rng.random()
        if roll < 0.15:
            lines.append(pick(rng, ["# comment", "   # indented", "#", "\t# tab", "\u00a0# nbsp", ""]))
        value = pick(rng, URIS) if rng.random() < 0.85 else json.dumps(random_object(rng, conn_id), ensure_ascii=False)
        key = conn_id
        roll = rng.random()
        if roll < 0.04:
            key = f"{conn_id} "
        elif roll < 0.07:
            key = f"export {conn_id}"
        elif roll < 0.1:
            value = f'"{value}"'
        elif roll < 0.12:
            value = f"{value}=x"
        elif roll < 0.14:
            value = f" {value}"
        lines.append(f"{key}={value}")
    if rng.random() < 0.03:
        lines.append("BIG=aws://host:99999")
    for _ in range(rng.choice([0, 0, 0, 0, 0, 0, 0, 1])):
        bad = pick(rng, ["no equals sign", "=aws://h", "K=", "   ", "\t"])
        lines.insert(rng.randrange(len(lines) + 1), bad)
    ending = pick(rng, ["\n", "\n", "\n", "\r\n"])
    text = ending.join(lines)
    return text + (ending if lines and rng.random() < 0.85 else "")


# ---------------------------------------------------------------- .json


def json_file(rng: random.Random) -> str:
    ids = random_ids(rng)
    pairs = [(conn_id, random_value(rng, conn_id)) for conn_id in ids]
    roll = rng.random()
    if roll < 0.03:
        return pick(rng, ["", "   \n", "[]\n", '"aws://h"\n', "null\n"])
    indent = pick(rng, [2, 2, 4, None])
    body = ",".join(
        ("\n" + " " * (indent or 0) if indent else "") + json.dumps(k, ensure_ascii=rng.random() < 0.3) + ": " + json.dumps(v, ensure_ascii=False)
        for k, v in pairs
    )
    text = "{" + body + ("\n" if indent and pairs else "") + "}\n"
    if roll < 0.07 and pairs:
        text = text[: rng.randrange(1, len(text))]  # cut short
    elif roll < 0.09 and pairs:
        text = text.replace("}\n", ",}\n", 1) if text.endswith("}\n") else text
    return text


# ---------------------------------------------------------------- YAML


def yaml_scalar(rng: random.Random, value: Any) -> str:
    """A scalar in plain, single- or double-quoted style (the plain style only where it reads back the same)."""
    if value is None:
        return pick(rng, ["null", "~", ""])
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    style = rng.random()
    # a plain date would be a datetime.date, which the vectors cannot carry
    if style < 0.15 or re.fullmatch(r"\d{4}-\d\d?-\d\d?.*", text):
        return "'" + text.replace("'", "''") + "'"
    if style < 0.25:
        return json.dumps(text, ensure_ascii=False)
    # plain: PyYAML decides what it means (null, yes, 0755, dates, "# comment" endings...)
    return text


def yaml_block(rng: random.Random, value: Any, indent: int, step: int) -> list[str]:
    """Lines for a mapping/list value nested at ``indent``."""
    pad = " " * indent
    out: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                if isinstance(v, dict) and rng.random() < 0.1:
                    out.append(f"{pad}{k}: {json.dumps(v, ensure_ascii=False)}")  # flow style
                else:
                    out.append(f"{pad}{k}:")
                    out.extend(yaml_block(rng, v, indent + step, step))
            elif isinstance(v, (dict, list)):
                out.append(f"{pad}{k}: {'{}' if isinstance(v, dict) else '[]'}")
            else:
                out.append(f"{pad}{k}: {yaml_scalar(rng, v)}".rstrip())
            if rng.random() < 0.05:
                out.append(pick(rng, ["", f"{pad}# comment", "   "]))
    else:
        for item in value:
            if isinstance(item, dict) and item:
                inner = yaml_block(rng, item, indent + 2, step)
                out.append(f"{pad}- {inner[0].lstrip()}")
                out.extend(inner[1:])
            elif isinstance(item, (dict, list)):
                out.append(f"{pad}- {json.dumps(item)}")
            else:
                out.append(f"{pad}- {yaml_scalar(rng, item)}")
    return out


def yaml_file(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.03:
        return pick(rng, ["", "# only a comment\n", "---\n", "- aws://h\n", "aws://h\n"])
    step = pick(rng, [2, 2, 4])
    lines: list[str] = []
    ids = random_ids(rng)
    anchored: str | None = None
    for conn_id in ids:
        key = yaml_scalar(rng, conn_id) if rng.random() < 0.2 else conn_id
        value = random_value(rng, conn_id)
        if rng.random() < 0.1:
            lines.append(pick(rng, ["# a comment", "", "   # indented comment"]))
        if isinstance(value, (dict, list)) and value:
            if anchored is None and isinstance(value, dict) and rng.random() < 0.08:
                anchored = conn_id
                lines.append(f"{key}: &a")
                lines.extend(yaml_block(rng, value, step, step))
            elif isinstance(value, dict) and rng.random() < 0.06:
                lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
            else:
                lines.append(f"{key}:")
                lines.extend(yaml_block(rng, value, step, step))
        elif isinstance(value, (dict, list)):
            lines.append(f"{key}: {'{}' if isinstance(value, dict) else '[]'}")
        elif isinstance(value, str) and rng.random() < 0.05:
            lines.append(f"{key}: {pick(rng, ['|-', '>-', '|'])}")
            lines.append(" " * step + value)
        else:
            lines.append(f"{key}: {yaml_scalar(rng, value)}".rstrip())
        if rng.random() < 0.08:
            lines[-1] += "  # trailing comment"
    if anchored is not None and rng.random() < 0.5:
        lines.append(f"copy_of_{anchored}: *a")
    if ids and rng.random() < 0.04:
        lines.insert(rng.randrange(len(lines) + 1), pick(rng, ["\tbad: tab", "  bad indent: x", "bad: 'unterminated", "bad: [1, 2"]))
    # now and then PyYAML's other line breaks: CRLF, NEL (U+0085)
    newline = pick(rng, ["\n"] * 14 + ["\r\n", "\x85"])
    return newline.join(lines) + (newline if rng.random() < 0.9 else "")


def mixed_round(seed: int, count: int) -> None:
    rng = random.Random(seed)
    cases = []
    for n in range(count):
        roll = rng.random()
        if roll < 0.38:
            filename, content = "connections.env", env_file(rng)
        elif roll < 0.65:
            filename, content = "connections.json", json_file(rng)
        else:
            filename, content = pick(rng, ["connections.yaml", "connections.yaml", "connections.yml"]), yaml_file(rng)
        cases.append({"id": f"fuzz-{seed}-{n:04d}", "filename": filename, "content": content, **run_case(filename, content)})
    write_vectors("local_filesystem_fuzz.json", "generate_local_filesystem_fuzz.py", cases)


def main() -> None:
    """``[--yaml] [seed [count]]``: one round; with no arguments, both committed files."""
    yaml_only = "--yaml" in sys.argv
    if yaml_only:
        sys.argv.remove("--yaml")
    explicit = len(sys.argv) > 1
    if yaml_only or not explicit:
        seed, count = fuzz_arguments(YAML_SEED, YAML_COUNT)
        yaml_round(seed, count)
    if not yaml_only:
        seed, count = fuzz_arguments(SEED, COUNT)
        mixed_round(seed, count)


if __name__ == "__main__":
    main()
