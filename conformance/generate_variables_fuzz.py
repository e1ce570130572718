"""Generate vectors/variables_fuzz.json: seeded random Variables files.

Each case is a random ``.env``, ``.json`` or ``.yaml``/``.yml`` file that combines several awkward
things at once (duplicate keys, non-string and null values, nested values, comments, quotes,
whitespace, a byte-order mark, other line breaks, non-string YAML keys, empty and broken files),
written into an empty temporary directory and read by the real
``airflow.secrets.local_filesystem.load_variables(<file name>)``, what
``LocalFilesystemBackend(variables_file_path=...).get_variable`` looks keys up in.

Each case records ``variables`` (every entry of the dict Airflow returned, in its order:
``key``, ``key_type``, ``value``, ``value_type``; a value JSON cannot carry, such as a date or a
set, is its ``repr``) or ``error`` (class, message, and for a parse error the per-line errors with
1-based ``line`` as in local_filesystem.json). The seed is fixed: running it twice gives the same file.
"""

from __future__ import annotations

import json
import math
import random
from typing import Any

from _common import pick, write_fuzz_vectors
from generate_local_filesystem import run_file

from airflow.secrets.local_filesystem import load_variables  # noqa: E402

SEED = 20261204
COUNT = 1000

KEYS = ["region", "REGION", "Region", "a.b", "x-y", "_", "k_1", "é", "日本", "straße", "with space", "1", "0x1F",
        "true", "null", "#hash", "a:b", "a/b", "t\\u", "ǅ", "ﬁ"]
TEXTS = ["eu-west-1", "", " ", " padded ", '"quoted"', "'single'", "a=b=c", "# not a comment", "x #y", '{"a": 1}',
         "[1, 2]", "null", "None", "yes", "no", "on", "0755", "08", "1.5", "1e3", "1_000", ".inf", "2001-12-14", "日本",
         "tab\there", "back\\slash", "é", "\u00a0nbsp", "~", "-", "a: b", "- item", "&anchor", "*alias", "!tag", "%x",
         "@at", "`tick", "|pipe", ">fold", "?q", "{", "]", "aws://k:s@h:1/db?region_name=eu-west-1"]
ENV_DRESSINGS = [("{k} ", "{v}"), ("export {k}", "{v}"), ("{k}", '"{v}"'), ("{k}", "{v}={v}"), ("{k}", "{v}  # trailing")]
OTHERS = [0, 1, -7, 2**63, 1.5, 1e300, True, False, None, [], ["a", 1], {}, {"a": {"b": [None, 1.5]}}]


def random_keys(rng: random.Random) -> list[str]:
    keys = [pick(rng, KEYS) for _ in range(rng.choice([0, 1, 2, 2, 3, 3, 4, 5]))]
    return keys if rng.random() < 0.3 else list(dict.fromkeys(keys))  # duplicates now and then


def random_value(rng: random.Random) -> Any:
    return pick(rng, TEXTS) if rng.random() < 0.7 else pick(rng, OTHERS)


def join_lines(rng: random.Random, lines: list[str], breaks: list[str]) -> str:
    newline = pick(rng, breaks)
    text = newline.join(lines) + (newline if lines and rng.random() < 0.85 else "")
    return ("\ufeff" if rng.random() < 0.04 else "") + text


# ---------------------------------------------------------------- .env


def env_file(rng: random.Random) -> str:
    lines: list[str] = []
    for key in random_keys(rng):
        if rng.random() < 0.15:
            lines.append(pick(rng, ["# comment", "   # indented", "#", "\t# tab", "\x1c# sep", "\ufeff# bom", ""]))
        value = random_value(rng)
        value = value if isinstance(value, str) else json.dumps(value)
        if rng.random() < 0.18:  # dotenv habits Airflow does not share: nothing is trimmed or unquoted
            key_form, value_form = pick(rng, ENV_DRESSINGS)
            key, value = key_form.format(k=key), value_form.format(v=value)
        lines.append(f"{key}={value}")
    for _ in range(rng.choice([0, 0, 0, 0, 0, 1])):
        bad = pick(rng, ["no equals sign", "=x", "K=", "   ", "\t", "\u3000"])
        lines.insert(rng.randrange(len(lines) + 1), bad)
    # str.splitlines() also breaks at \v, \f, \x1c-\x1e, NEL, U+2028/9 (Python's open() only at \r, \n)
    return join_lines(rng, lines, ["\n"] * 10 + ["\r\n", "\r", "\x0b", "\x0c", "\x1d", "\x85", "\u2028"])


# ---------------------------------------------------------------- .json


def json_file(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.04:
        return pick(rng, ["", "   \n", "[]\n", '"x"\n', "null\n", "{}", "\ufeff{}"])
    # (key, the value's JSON text): now and then a literal Python's json reads and JSON has not
    pairs = [(k, json.dumps(random_value(rng), ensure_ascii=rng.random() < 0.2)) for k in random_keys(rng)]
    if rng.random() < 0.04:
        pairs.append((pick(rng, KEYS), pick(rng, ["NaN", "Infinity", "-Infinity", "1E400", "-0", "1.0"])))
    indent = pick(rng, [2, 2, 4, None])
    sep = "\n" + " " * indent if indent else pick(rng, ["", " "])
    body = ",".join(sep + json.dumps(k, ensure_ascii=rng.random() < 0.3) + pick(rng, [": ", ":", " : "]) + v for k, v in pairs)
    text = "{" + body + ("\n" if indent and pairs else "") + "}" + pick(rng, ["\n", "\n", "", "\n\n", "  "])
    roll = rng.random()
    if roll < 0.04 and pairs:
        text = text[: rng.randrange(1, len(text))]  # cut short
    elif roll < 0.06 and pairs:
        end = text.rindex("}")
        text = text[:end] + "," + text[end:]  # a trailing comma
    elif roll < 0.08:
        text = text + pick(rng, ["{}", "x", "// c"])  # extra data
    elif roll < 0.1:
        text = "\ufeff" + text
    return text


# ---------------------------------------------------------------- YAML


def yaml_scalar(rng: random.Random, value: Any) -> str:
    """A scalar: plain (PyYAML decides what it means), single- or double-quoted, or a flow collection."""
    if value is None:
        return pick(rng, ["null", "~", "", "Null", "NULL"])
    if isinstance(value, bool):
        return pick(rng, ["true", "false", "yes", "no", "on", "off", "True", "FALSE"][0 if value else 1::2])
    if isinstance(value, (int, float, list, dict)):
        return json.dumps(value)
    style = rng.random()
    if style < 0.2:
        return "'" + value.replace("'", "''") + "'"
    if style < 0.35:
        return json.dumps(value, ensure_ascii=rng.random() < 0.5)
    return value  # plain: may be a number, a boolean, a date, a comment, a syntax error


def yaml_entry(rng: random.Random, key: str, value: Any) -> list[str]:
    roll = rng.random()
    if isinstance(value, str) and roll < 0.06:
        head = pick(rng, ["|", "|-", ">", ">-", "|+"])
        return [f"{key}: {head}", "  " + value, *(["  second line"] if rng.random() < 0.5 else [])]
    if isinstance(value, (list, dict)) and value and roll < 0.5:
        if isinstance(value, list):
            return [f"{key}:", *[f"  - {yaml_scalar(rng, v)}" for v in value]]
        return [f"{key}:", *[f"  {k}: {yaml_scalar(rng, v)}" for k, v in value.items()]]
    return [f"{key}: {yaml_scalar(rng, value)}".rstrip()]


def yaml_file(rng: random.Random) -> str:
    if rng.random() < 0.04:
        return pick(rng, ["", "# only a comment\n", "---\n", "- a\n", "x\n", "...\n", "{}\n", "~\n"])
    lines: list[str] = []
    anchored = False
    for key in random_keys(rng):
        # keys PyYAML would read as a number, boolean or null are mostly quoted
        written = f"'{key}'" if key in ("1", "0x1F", "true", "null") and rng.random() < 0.7 else key
        written = yaml_scalar(rng, key) if rng.random() < 0.15 else written
        if rng.random() < 0.1:
            lines.append(pick(rng, ["# a comment", "", "   # indented comment", "---"]))
        value = random_value(rng)
        entry = yaml_entry(rng, written, value)
        if not anchored and len(entry) == 1 and rng.random() < 0.06:
            anchored = True
            entry = [entry[0].replace(": ", ": &v ", 1)] if ": " in entry[0] else entry
            lines += entry
            continue
        lines += entry
        if rng.random() < 0.07:
            lines[-1] += pick(rng, ["  # trailing comment", " #no space", "\t# tab"])
    if anchored and rng.random() < 0.7:
        lines.append(f"{pick(rng, KEYS)}: *v")
    roll = rng.random()
    if roll < 0.05:  # keys PyYAML does not read as strings
        lines.insert(rng.randrange(len(lines) + 1), pick(rng, ["1: one", "2.5: x", "true: t", "~: n", "null: n",
                                                              "2001-12-14: d", "0o17: o", "[a, b]: l", "? x\n: y"]))
    elif roll < 0.09 and lines:
        lines.insert(rng.randrange(len(lines) + 1), pick(rng, ["\tbad: tab", "  bad indent: x", "bad: 'open",
                                                              "bad: [1, 2", "--- \nsecond: doc", "a: b: c"]))
    elif roll < 0.11:
        lines = ["---", *lines, pick(rng, ["...", "---", "--- x"])]
    elif roll < 0.13:
        lines.append(pick(rng, ["<<: {merged: m}", "when: 2001-12-14 21:59:43.10 -5", "s: !!set {a, b}",
                                "b: !!binary aGk=", "f: .NaN", "i: -.inf", "o: !!omap [a: 1]", "t: !!str 1",
                                "e: !!python/name:os.system"]))
    return join_lines(rng, lines, ["\n"] * 12 + ["\r\n", "\r", "\x85"])


# ---------------------------------------------------------------- running


def carried(value: Any) -> tuple[str, Any]:
    """A value's Python type name and the value, or its repr when JSON cannot carry it."""
    kind = type(value).__name__
    try:
        json.dumps(value, allow_nan=False)
        plain = not isinstance(value, float) or math.isfinite(value)
        return kind, value if plain and isinstance(value, (str, int, float, bool, list, dict, type(None))) else repr(value)
    except (TypeError, ValueError):
        return kind, repr(value)


def entries_of(variables: dict[Any, Any]) -> list[dict[str, Any]]:
    """Airflow's Variables in its dict order, each key and value with its Python type."""
    out = []
    for key, value in variables.items():
        value_type, value_carried = carried(value)
        out.append({"key": key if isinstance(key, str) else repr(key), "key_type": type(key).__name__,
                    "value": value_carried, "value_type": value_type})
    return out


def random_case(rng: random.Random) -> dict[str, Any]:
    roll = rng.random()
    if roll < 0.36:
        filename, content = pick(rng, ["variables.env"] * 6 + ["variables.ENV"]), env_file(rng)
    elif roll < 0.64:
        filename, content = pick(rng, ["variables.json"] * 6 + ["variables.Json"]), json_file(rng)
    else:
        filename, content = pick(rng, ["variables.yaml", "variables.yaml", "variables.yml", "variables.YAML"]), yaml_file(rng)
    out = run_file(filename, content, lambda f: entries_of(load_variables(f)))
    return {"filename": filename, "content": content, "variables": out.pop("result"), **out}


if __name__ == "__main__":
    write_fuzz_vectors("variables_fuzz.json", "generate_variables_fuzz.py", SEED, COUNT, random_case)
