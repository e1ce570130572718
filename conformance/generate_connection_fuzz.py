"""Generate seeded random connection vectors: vectors/uri_fuzz.json, vectors/uri_fuzz_task.json,
vectors/json_fuzz.json and vectors/json_fuzz_task.json.

generate_connection.py mostly places one odd character in one field at a time. This generator
builds URIs and JSON texts that combine several awkward things at once, drawn from a fixed seed
(``SEED`` below, so a refresh gives no diff): printable ASCII, percent escapes (valid, ``%zz``,
a lone ``%``, a lone ``%e2``), non-ASCII, whitespace and control characters, in every part of a
URI (scheme, login, password, host with IPv6 brackets or ``protocol://``, port, path, query with
repeated and blank keys and ``__extra__``), and JSON objects with random field types (null,
numbers, floats, big integers, nested or string extras, unknown and duplicate keys).

Every input runs through both Airflow parsers, exactly as generate_connection.py and
generate_task_connection.py do: the server's ``airflow.models.Connection`` (uri_fuzz.json,
json_fuzz.json) and the Task SDK's ``airflow.sdk.definitions.connection.Connection``
(uri_fuzz_task.json, json_fuzz_task.json), with the same case ids in both.

Run with conformance/.venv/bin/python (see refresh.sh). ``[seed [count]]`` (count: URIs; JSON texts in
proportion) draws another corpus for a local search, its ids carrying the seed (``fuzz-uri-<seed>-<n>``)
so that deviations.json's entries, keyed by the committed ids, never match it; the committed files use
the defaults.
"""

from __future__ import annotations

import json
import random
import sys
from typing import Any
from urllib.parse import quote

import generate_connection
from _common import fuzz_arguments, write_vectors

from airflow.models import Connection as ServerConnection
from airflow.sdk.definitions.connection import Connection as TaskConnection

SEED = 20261201
URI_COUNT = 1000
JSON_COUNT = 450

PRINTABLE = [chr(c) for c in range(0x21, 0x7F)]
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
STRUCTURAL = [*":/@?#&=;[]+%", "://", "//", "%3A%2F%2F"]
NON_ASCII = [
    "\u00e9",
    "\u65e5\u672c",
    "\U0001f600",
    "\u00a0",
    "\u0085",
    "\u2028",
    "\u0301",
    "\ufeff",
    "\u0130",
    "\u212a",
    # Characters whose NFKC form is one of : / ? # @ (urlsplit checks a non-ASCII netloc for them).
    "\uff20",
    "\uff0f",
    "\uff1f",
    "\uff03",
    "\uff1a",
    "\u2100",
    "\ufe6b",
    "\u00b2",
    # Case mappings that are not one-to-one (hostname is lowercased).
    "\u1e9e",
    "\u03a3",
    "\u01c5",
    "\u00c9",
    "\u2126",
]
WHITESPACE = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x00", "\x1c", "\x1f", "\x7f", "\x01"]
BAD_ESCAPES = ["%zz", "%", "%e2", "%4", "%%", "%g1", "%e2%82", "%ff", "%c3", "%C3%A9", "%e2%82%ac", "%F0%9F%98%80"]


def pct(rng: random.Random) -> str:
    byte = rng.randrange(256)
    text = f"%{byte:02x}" if rng.random() < 0.5 else f"%{byte:02X}"
    return text


def atom(rng: random.Random, structural: float = 0.1) -> str:
    r = rng.random()
    if r < 0.40:
        return rng.choice(ALNUM)
    if r < 0.55:
        return rng.choice(PRINTABLE)
    if r < 0.55 + structural:
        return rng.choice(STRUCTURAL)
    if r < 0.70 + structural:
        return pct(rng)
    if r < 0.78 + structural:
        return rng.choice(BAD_ESCAPES)
    if r < 0.88 + structural:
        return rng.choice(NON_ASCII)
    return rng.choice(WHITESPACE)


def text(rng: random.Random, lo: int = 0, hi: int = 6, structural: float = 0.05) -> str:
    return "".join(atom(rng, structural) for _ in range(rng.randint(lo, hi)))


def word(rng: random.Random, lo: int = 1, hi: int = 6) -> str:
    return "".join(rng.choice(ALNUM) for _ in range(rng.randint(lo, hi)))


SCHEMES = [
    "aws",
    "postgres",
    "postgresql",
    "google-cloud-platform",
    "google_cloud_platform",
    "my_type",
    "a+b",
    "a.b",
    "x1",
    "1x",
    "AWS",
    "Postgresql",
    "spark",
    "\u00e9t\u00e9",
    "-a",
    "a-b-c",
    "http",
    "HTTP",
    "",
    "a%2Db",
    "a b",
    " aws",
    "\U0001f600x",
]


def scheme(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.6:
        return rng.choice(SCHEMES)
    chars = ALNUM + "-_+."
    first = rng.choice(ALNUM + "-_+.")
    return first + "".join(rng.choice(chars) for _ in range(rng.randint(0, 6)))


def host(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return text(rng, 0, 8)
    if r < 0.50:
        return word(rng) + "." + word(rng) + text(rng, 0, 2)
    if r < 0.62:
        return rng.choice(
            [
                "[::1]",
                "[fe80::1%25eth0]",
                "[::1",
                "::1]",
                "[2001:db8::" + word(rng, 1, 4) + "]",
                "[v1.x]",
                "[" + text(rng, 0, 4) + "]",
                "a[b]c",
                "[::ffff:127.0.0.1]",
            ]
        )
    if r < 0.75:
        proto = rng.choice(["http://", "https://", "k8s://", "HTTP://", "protocol://", "k8s%3a%2F%2F", "x:/"])
        return proto + text(rng, 0, 6)
    if r < 0.85:
        return rng.choice(["%2Ftmp%2F", "host%2Flocation", "%2F" + text(rng, 0, 4), "h%3Ax%3Ay"]) + text(rng, 0, 2)
    return ""


PORTS = [
    "",
    ":",
    ":5432",
    ":00080",
    ":0",
    ":65535",
    ":65536",
    ":99999",
    ":-1",
    ":+80",
    ": 80",
    ":80 ",
    ":\uff18\uff10",
    ":\u0668\u0660",
    ":abc",
    ":1e3",
    ":80:90",
    ":0x1F",
    ":1_0",
    ":%38%30",
    ":\t80",
]


def port(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.5:
        return rng.choice(PORTS[:6])
    if r < 0.85:
        return rng.choice(PORTS)
    return ":" + text(rng, 0, 4)


def path(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.2:
        return ""
    if r < 0.3:
        return "/"
    segments = [text(rng, 0, 5, 0.02) for _ in range(rng.randint(1, 4))]
    return "/" + "/".join(segments)


def query_value(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return text(rng, 0, 6, 0.08)
    if r < 0.6:
        return rng.choice(
            [
                "1",
                "-2",
                "1.5",
                "1e3",
                "true",
                "false",
                "null",
                "True",
                "007",
                "+1",
                "%22x%22",
                "%5B1%2C2%5D",
                "%7B%22a%22%3A1%7D",
                "12345678901234567890123",
                "1.0",
                "-0",
                "0.1",
                "%20",
                "",
                "%7B",
                "[1",
                "\"x",
                "1E40",
                "-1e-5",
            ]
        )
    if r < 0.8:
        return word(rng) + rng.choice(["%20", "+", "%2B", "%26", "%3D", "%23", "%3F", "/", ":", "%25"]) + text(rng, 0, 3)
    return rng.choice(STRUCTURAL) + text(rng, 0, 3)


def extra_value(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.5:
        obj = random_json_object(rng, depth=1)
        raw = json.dumps(obj, ensure_ascii=rng.random() < 0.5)
    elif r < 0.7:
        raw = rng.choice(['"s"', "[1, 2]", "1", "null", "true", "{}", "[]", '{"a": 1', "oops", "", "{'a': 1}"])
    else:
        raw = text(rng, 0, 8, 0.1)
    return quote(raw, safe="") if rng.random() < 0.7 else raw


def query(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        return ""
    pairs: list[str] = []
    keys = [word(rng, 1, 4) for _ in range(rng.randint(1, 3))]
    for _ in range(rng.randint(1, 5)):
        k = rng.random()
        if k < 0.12:
            pairs.append("__extra__=" + extra_value(rng))
            continue
        if k < 0.22:
            key = ""
        elif k < 0.55:
            key = rng.choice(keys)
        else:
            key = text(rng, 1, 4, 0.05)
        v = rng.random()
        if v < 0.1:
            pairs.append(key)
        else:
            pairs.append(key + "=" + query_value(rng))
    sep = rng.choice(["&", "&", "&", ";", "&&", "&;"])
    body = sep.join(pairs)
    if rng.random() < 0.1:
        body = rng.choice(["&", "?", "=", ""]) + body + rng.choice(["&", "#", "#" + text(rng, 0, 3), ""])
    return "?" + body


def userinfo(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.25:
        return ""
    login = text(rng, 0, 6, 0.06)
    if r < 0.45:
        return login + "@"
    password = text(rng, 0, 8, 0.1)
    if rng.random() < 0.1:
        password += "@" + text(rng, 0, 3)
    return login + ":" + password + "@"


def random_uri(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.01:
        return rng.choice(["", " ", "\t", "\n", "\x00", "://", "//", "\U0001f600"])
    if r < 0.05:
        # Whole-string noise with a scheme-like start.
        return scheme(rng) + rng.choice(["://", ":", ":/", ":///", ""]) + text(rng, 0, 20, 0.25)
    sep = "://" if rng.random() < 0.92 else rng.choice([":", ":/", ":///", "://://", ":////"])
    uri = scheme(rng) + sep + userinfo(rng) + host(rng) + port(rng) + path(rng) + query(rng)
    if rng.random() < 0.08:
        # The scheme again somewhere else (Airflow replaces every "<scheme>://" in the string).
        echo = rng.choice([uri.split(":", 1)[0], uri.split(":", 1)[0].upper(), "http", "x"]) + "://"
        at = rng.randrange(len(uri) + 1)
        uri = uri[:at] + echo + uri[at:]
    if rng.random() < 0.06:
        uri += "#" + text(rng, 0, 4)
    if rng.random() < 0.06:
        uri = rng.choice(WHITESPACE) + uri
    if rng.random() < 0.06:
        uri += rng.choice(WHITESPACE)
    return uri


# ---------------------------------------------------------------------------------------------
def json_scalar(rng: random.Random) -> Any:
    r = rng.random()
    if r < 0.1:
        return None
    if r < 0.2:
        return rng.choice([True, False])
    if r < 0.35:
        return rng.choice([0, 1, -1, 5432, 65535, 65536, 2**53 + 1, 2**70, -(2**64), 10**25])
    if r < 0.45:
        return rng.choice([0.0, -0.0, 1.5, 5432.7, 1e3, 1e-7, 1e22, 1e16, 123456789.123456789, 0.1, 2.5e-320])
    return text(rng, 0, 8, 0.08)


def random_json_value(rng: random.Random, depth: int) -> Any:
    r = rng.random()
    if depth < 2 and r < 0.1:
        return [random_json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if depth < 2 and r < 0.2:
        return random_json_object(rng, depth + 1)
    return json_scalar(rng)


def random_json_object(rng: random.Random, depth: int = 0) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for _ in range(rng.randint(0, 4)):
        key = word(rng, 1, 5) if rng.random() < 0.7 else text(rng, 0, 4, 0.05)
        out[key] = random_json_value(rng, depth)
    return out


FIELDS = ["conn_type", "host", "login", "password", "schema", "port", "extra", "description"]
RARE_KEYS = ["uri", "conn_id", "extra_dejson", "Host", "user", "team_name", "is_encrypted", "id"]


def field_value(rng: random.Random, field: str) -> Any:
    r = rng.random()
    if r < 0.06 or (field == "port" and r < 0.15):
        return json_scalar(rng)
    if field == "port":
        return rng.choice(
            [5432, "5432", " 5432 ", 80, "80", 0, None, "00080", 65535, "+5432", "1_000", "\u0668\u0660", True, False, 5432.7, "5432.0", "0x1F", "1e3",
             0, "", [], {}, None, -1, 65536, 2**70, "-0", "\uff18\uff10", "\t80\n", 1e3, 80.0, "0080", "8 0"]
        )
    if field == "extra":
        e = rng.random()
        if e < 0.45:
            return random_json_object(rng, 1)
        if e < 0.75:
            return json.dumps(random_json_object(rng, 1), ensure_ascii=rng.random() < 0.5)
        return rng.choice(["", "oops", "[1, 2]", '"s"', "1", "null", "{}", [], [1], 0, False, True, 3, '{"a": NaN}', " {} "])
    if field == "conn_type":
        return scheme(rng)
    if field == "uri":
        return random_uri(rng) if rng.random() < 0.8 else rng.choice(["", " ", None])
    return text(rng, 0, 8, 0.1)


def random_json_text(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.03:
        return rng.choice(["[]", "null", "1", '"aws://h"', "[{}]", "{}", " {} ", "{", ""])
    if r < 0.12:
        # `uri` (empty, or a random URI), alone or beside other keys, some of them null or false-y.
        keys = ["uri"] + [f for f in FIELDS if rng.random() < 0.15]
    else:
        keys = [f for f in FIELDS if rng.random() < 0.55]
    if rng.random() < 0.08:
        keys.append(rng.choice(RARE_KEYS))
    rng.shuffle(keys)
    pairs: list[tuple[str, Any]] = [(k, field_value(rng, k)) for k in keys]
    if pairs and rng.random() < 0.12:
        # A repeated key: Python's json keeps the last one.
        k = rng.choice(keys)
        pairs.insert(rng.randrange(len(pairs) + 1), (k, field_value(rng, k)))
    ascii_only = rng.random() < 0.5
    spacer = rng.choice(["", " ", "\n  "])
    body = ("," + spacer).join(
        json.dumps(k, ensure_ascii=ascii_only) + ":" + spacer + json.dumps(v, ensure_ascii=ascii_only)
        for k, v in pairs
    )
    out = "{" + spacer + body + spacer + "}"
    if rng.random() < 0.04:
        out = rng.choice([" ", "\n", "\t", "\ufeff", "\u00a0"]) + out + rng.choice(["", " ", "\n"])
    return out


def conn_id(rng: random.Random) -> str:
    # Valid ids only: awsconn refuses the invalid ones outright (root README, deviation 1), which
    # would hide every other difference in the case; generate_connection.py covers them.
    return "test_conn" if rng.random() < 0.97 else rng.choice(["a-b.c", "x" * 250, "team/conn", "A:b#!()\\"])


def corpus(seed: int, uri_count: int) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    rng = random.Random(seed)
    tag = "" if seed == SEED else f"{seed}-"
    json_count = JSON_COUNT * uri_count // URI_COUNT
    uris: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    while len(uris) < uri_count:
        cid = conn_id(rng)
        uri = random_uri(rng)
        if uri in seen:
            continue
        seen.add(uri)
        uris.append((f"fuzz-uri-{tag}{len(uris):04d}", cid, uri))
    texts: list[tuple[str, str, str]] = []
    seen.clear()
    while len(texts) < json_count:
        cid = conn_id(rng)
        body = random_json_text(rng)
        if body in seen:
            continue
        seen.add(body)
        texts.append((f"fuzz-json-{tag}{len(texts):04d}", cid, body))
    return uris, texts


def finite(case: dict[str, Any]) -> bool:
    """Whether the outcome survives JSON (a query value NaN becomes a Python float JSON cannot carry)."""
    try:
        json.dumps(case, allow_nan=False)
    except ValueError:
        return False
    return True


def run(cls: Any, uris: list[tuple[str, str, str]], texts: list[tuple[str, str, str]]) -> tuple[list, list]:
    # generate_connection's run_* functions look the class up at call time.
    generate_connection.Connection = cls  # type: ignore[misc]
    uri_out = [
        {"id": i, "source": "fuzz", "conn_id": c, "uri": u, **generate_connection.run_uri(c, u)} for i, c, u in uris
    ]
    json_out = [{"id": i, "conn_id": c, "text": t, **generate_connection.run_json(c, t)} for i, c, t in texts]
    return uri_out, json_out


def main() -> None:
    seed, uri_count = fuzz_arguments(SEED, URI_COUNT)
    uris, texts = corpus(seed, uri_count)
    server_uri, server_json = run(ServerConnection, uris, texts)
    task_uri, task_json = run(TaskConnection, uris, texts)
    # Drop an input from both files when either parser's outcome cannot be written as JSON.
    bad_uri = {c["id"] for c in server_uri + task_uri if not finite(c)}
    bad_json = {c["id"] for c in server_json + task_json if not finite(c)}
    keep = lambda cases, bad: [c for c in cases if c["id"] not in bad]  # noqa: E731
    write_vectors("uri_fuzz.json", "generate_connection_fuzz.py", keep(server_uri, bad_uri))
    write_vectors("uri_fuzz_task.json", "generate_connection_fuzz.py", keep(task_uri, bad_uri))
    write_vectors("json_fuzz.json", "generate_connection_fuzz.py", keep(server_json, bad_json))
    write_vectors("json_fuzz_task.json", "generate_connection_fuzz.py", keep(task_json, bad_json))
    print(
        f"seed {seed}: {len(uris) - len(bad_uri)} URIs and {len(texts) - len(bad_json)} JSON texts, each through both "
        f"parsers ({len(bad_uri)} + {len(bad_json)} left out: non-finite floats)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
