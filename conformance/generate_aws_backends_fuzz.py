"""Generate vectors/aws_backends_fuzz.json: seeded random cases of the amazon provider's AWS backends.

Each case is a random ``SecretsManagerBackend(**kwargs)`` or ``SystemsManagerParameterStoreBackend(**kwargs)``
(prefixes that are default, ``None``, empty, slashed or odd; ``sep``; lookup patterns; ``full_url_mode``,
``are_secret_values_urlencoded`` and ``extra_conn_words``), a random set of stored secrets/parameters
(the name the backend reads, the team-scoped name, decoys under other separators or prefixes, rotated,
deleted and binary-only secrets, SecureString/StringList parameters) and one read:
``get_connection(key, team_name)`` (with the Task SDK's Connection class, as on a worker) or
``get_variable(key, team_name)``, with ``[core] multi_team`` on or off. Values combine URIs with
percent escapes and query values, JSON objects with alias keys, nested or text extras, wrong field
types, whitespace Python strips and JSON refuses, the byte-order mark. Every case is run exactly as
``generate_aws_variables.py`` runs its own (its ``run_case``: moto reset, boto3 seeding, the real
backend pointed at moto) and written in that file's shape. The seed is fixed: running it twice gives
the same file. An item moto refuses to store (an invalid name) is left out; a case the vector file
cannot hold (a non-finite float, a lone surrogate) is drawn again. ``tried`` records the names the
backend asked AWS for, in order (its one read, ``_get_secret_value`` / ``_get_parameter_value``,
wrapped by a recorder that then reads as before).
"""

from __future__ import annotations

import json
import random
from typing import Any

from _common import fuzz_arguments, pick, write_vectors
from _moto import SM, SSM, Moto, seed
from _moto import stored as s
from generate_aws_variables import run_case

from airflow.providers.amazon.aws.secrets.secrets_manager import SecretsManagerBackend  # noqa: E402
from airflow.providers.amazon.aws.secrets.systems_manager import (  # noqa: E402
    SystemsManagerParameterStoreBackend,
)

SEED = 20261203
COUNT = 700
ABSENT = object()

KEYS = ["aws_default", "db", "x", "my.conn-1", "team/x", "a/b/c", "a--b", "A_B", "Region", "été", "k@1+=", "x y", "_x_",
        "/x", "x/", "a//b", "a/../b", "k" * 260, "a#1", "x:y", "(p)!", "b\\c"]
TEAMS = ["team_a", "team_a", "Team-B", "abc", "t--x"]
PREFIXES = {
    SM: ["airflow/connections", "airflow/variables", "", None, "airflow/connections/", "airflow/variables//",
         "/airflow/x", "my app", "p.q-r_s", "pre:", "a//b", "/", "//",
         "airflow/connections  ", "é/x"],
    SSM: ["/airflow/connections", "/airflow/variables", "", None, "airflow/connections", "/airflow/variables/",
          "/a/b//", "/p.q-r_s", "/", "//", "x"],
}
SEPS = [ABSENT, ABSENT, "/", ":", "-", "", "--", "_", "/:", "::", ".", None]
PATTERNS = [ABSENT, ABSENT, None, "", "^a", "a", "db", "X", "(?P<t>team|a)", "db\\Z", "^[a-z]+$", ".*--", "é", "(x", "\\d"]
WORDS = ["usr", "pwd", "endpoint", "dbname", "kind", "options", "p", "user", "login", "Host", "secret"]
FIELDS = ["login", "user", "password", "host", "port", "schema", "conn_type", "extra"]
ALIASES = {
    "login": ["login", "user", "username", "user_name"],
    "password": ["password", "pass", "key"],
    "host": ["host", "remote_host", "server"],
    "port": ["port"],
    "schema": ["database", "schema"],
    "conn_type": ["conn_type", "conn_id", "connection_type", "engine"],
    "extra": ["extra"],
}
TEXT = ["u", "", " ", "p%40ss", "p@ss/w:rd", "é日本😀", "a b", "null", "0", "x" * 40, "\ud800", "tab\there"]
HOSTS = ["h", "db.example.com", "", "::1", "[::1]", "h%2Fx", "host:5432", "EXAMPLE.com"]
CONN_TYPES = ["aws", "postgres", "postgresql", "mysql", "google-cloud-platform", "my_type", "AWS", "", "a+b.c"]
PORTS = [5432, "5432", " 5432 ", 0, -1, 70000, "x", 1.5, True, None, "", "0", 5432.0, 1e3, 2**64, "٨٠", "1_000"]
EXTRAS = [{}, {"region_name": "eu-west-1"}, {"a": {"b": [1, {"c": None}]}}, '{"a": 1}', "{oops", "", "[1]",
          [1, 2], 5, None, {"verify": False, "n": 1.25}, '{"nested": "{\\"x\\": 1}"}']
OTHER = {"description": "d", "uri": "aws://h", "region_name": "r", "dbInstanceIdentifier": "i", "team_name": "t",
         "Login": "L", "USER": "U", "Password": "P", "HOST": "H", "n": 2**70}
PADS = ["", "", "", " ", "\n", "\t", "  \r\n", "\x85", "\xa0", "\x0b", "\x1c", "\u3000", "\ufeff"]


def rvalue(rng: random.Random, field: str) -> Any:
    roll = rng.random()
    if roll < 0.12:
        return pick(rng, [None, 12, True, ["l"], {"o": 1}, 3.5])
    if field == "port":
        return pick(rng, PORTS)
    if field == "extra":
        return pick(rng, EXTRAS)
    if field == "conn_type":
        return pick(rng, CONN_TYPES)
    if field == "host":
        return pick(rng, HOSTS)
    return pick(rng, TEXT)


def json_secret(rng: random.Random, words: dict[str, list[str]]) -> str:
    obj: dict[str, Any] = {}
    for field in rng.sample(FIELDS, rng.randint(0, len(FIELDS))):
        field = "login" if field == "user" else field
        choices = ALIASES[field] + words.get(field, []) + (words.get("user", []) if field == "login" else [])
        obj[pick(rng, choices)] = rvalue(rng, field)
        if rng.random() < 0.15:  # a second alias of the same field: the secret's key order decides
            obj[pick(rng, choices)] = rvalue(rng, field)
    for key in rng.sample(sorted(OTHER), rng.randint(0, 2)):
        obj[key] = OTHER[key]
    text = json.dumps(obj, ensure_ascii=rng.random() < 0.5, indent=pick(rng, [None, None, 2]))
    if rng.random() < 0.05 and text.endswith("}") and text != "{}":  # Python's json.loads reads these literals
        text = text[:-1].rstrip() + ', "bogus": ' + pick(rng, ["NaN", "Infinity", "-Infinity", "1e400"]) + "}"
    if rng.random() < 0.08:
        text = pick(rng, [text[:-1], text + ",", text.replace("}", ",}", 1), '{"login": "a", "login": "b"}', "{}"])
    return text


def uri_secret(rng: random.Random) -> str:
    conn_type = pick(rng, CONN_TYPES[:-2] + ["aws", "aws"])
    auth = ""
    if rng.random() < 0.7:
        auth = pick(rng, ["u", "AKIA%2FX", "us%40er", "a b", "é"])
        if rng.random() < 0.7:
            auth += ":" + pick(rng, ["p", "", "p%2Fss%2Bw", "p%40ss", "s%3Ak", "%zz"])
        auth += "@"
    host = pick(rng, ["h", "", "db.example.com", "[::1]", "h%2Fx", "EXAMPLE.com"])
    port = pick(rng, ["", "", ":5432", ":0", ":99999", ":x"])
    path = pick(rng, ["", "", "/db", "/a%2Fb", "/"])
    query = ""
    if rng.random() < 0.5:
        parts = [pick(rng, ["region_name=eu-west-1", "timeout=30", "verify=false", "n=null", "a=%22x%22", "k=",
                            "__extra__=%7B%22a%22%3A+%7B%22b%22%3A+1%7D%7D", "x=1&x=2", "e=%E2%82%AC"])
                 for _ in range(rng.randint(1, 3))]
        query = "?" + "&".join(parts)
    return f"{conn_type}://{auth}{host}{port}{path}{query}"


def conn_value(rng: random.Random, words: dict[str, list[str]]) -> str:
    roll = rng.random()
    if roll < 0.45:
        text = json_secret(rng, words)
    elif roll < 0.9:
        text = uri_secret(rng)
    else:
        text = pick(rng, ["not a uri", "   ", "[1, 2]", "{", "aws://a://b://c", "x" * 30])
    return pick(rng, PADS) + text + pick(rng, PADS)


def var_value(rng: random.Random) -> str:
    text = pick(rng, ["eu-west-1", '{"a": 1, "b": [true, null]}', "aws://k:s@h", "a,b, c", "é日本😀", "line1\nline2",
                      "%41%2F", "  padded  ", "null", "x" * 50])
    return pick(rng, PADS) + text + pick(rng, PADS)


def random_kwargs(rng: random.Random, backend: str, kind: str) -> dict[str, Any]:
    own, other = ("connections", "variables") if kind == "connection" else ("variables", "connections")
    kwargs: dict[str, Any] = {}
    for name, chance in ((f"{own}_prefix", 0.7), (f"{other}_prefix", 0.1)):
        if rng.random() < chance:
            kwargs[name] = pick(rng, PREFIXES[backend])
    for name, chance in ((f"{own}_lookup_pattern", 0.3), (f"{other}_lookup_pattern", 0.05)):
        value = pick(rng, PATTERNS)
        if rng.random() < chance and value is not ABSENT:
            kwargs[name] = value
    if backend == SM:
        sep = pick(rng, SEPS)
        if sep is not ABSENT:
            kwargs["sep"] = sep
        if rng.random() < (0.35 if kind == "connection" else 0.05):
            fields = rng.sample(["login", "user", "password", "host", "port", "schema", "conn_type", "extra"], rng.randint(1, 3))
            if rng.random() < 0.05:
                fields.append("bogus")
            kwargs["extra_conn_words"] = {f: rng.sample(WORDS, rng.randint(0, 2)) for f in fields}
    if rng.random() < 0.15:
        kwargs["full_url_mode"] = rng.random() < 0.5
    if rng.random() < 0.1:
        kwargs["are_secret_values_urlencoded"] = rng.random() < 0.5
    return kwargs


def names_read(backend: str, kind: str, kwargs: dict[str, Any], key: str, team: str | None) -> list[str]:
    """The names the backend reads for ``key``, team-scoped first: Airflow's own prefix trimming and path building."""
    cls = SecretsManagerBackend if backend == SM else SystemsManagerParameterStoreBackend
    b = cls(**kwargs)
    prefix = getattr(b, "connections_prefix" if kind == "connection" else "variables_prefix")
    if prefix is None:
        prefix = "airflow"  # nothing is read: store under a plausible name anyway
    ids = ([f"{team}--{key}"] if team else []) + [key]
    if backend == SM:
        return [b.build_path(prefix, i, b.sep) if prefix else i for i in ids]
    return [b._ensure_leading_slash(b.build_path(prefix, i)) for i in ids]  # noqa: SLF001


def decoys(rng: random.Random, backend: str, kind: str, key: str, names: list[str]) -> list[str]:
    lead = "/" if backend == SSM else ""
    base = f"{lead}airflow/{'connections' if kind == 'connection' else 'variables'}"
    other = f"{lead}airflow/{'variables' if kind == 'connection' else 'connections'}"
    pool = [f"{base}/{key}", f"{other}/{key}", f"{base}/team_b--{key}", f"{base}:{key}", f"{lead}{key}",
            names[-1] + "x", names[-1].upper(), f"{base}//{key}"]
    return rng.sample(pool, rng.randint(1, 2))


def stored_items(rng: random.Random, backend: str, kind: str, names: list[str], others: list[str], words: dict) -> list[dict]:
    chosen = [n for n in names if rng.random() < 0.8] + [n for n in others if rng.random() < 0.4]
    items: list[dict[str, Any]] = []
    for name in dict.fromkeys(chosen):
        value = conn_value(rng, words) if kind == "connection" else var_value(rng)
        if backend == SM:
            roll = rng.random()
            kind_of = "SecretBinary" if roll < 0.07 else "SecretString"
            items.append(s(name, value, kind_of, **({"deleted": True} if 0.07 <= roll < 0.13 else {})))
            if kind_of == "SecretString" and roll > 0.9:
                items.append(s(name, conn_value(rng, words) if kind == "connection" else var_value(rng), update=True))
        else:
            kind_of = pick(rng, ["String", "String", "String", "SecureString", "SecureString", "StringList"])
            items.append(s(name, value, kind_of))
            if rng.random() < 0.08:
                items.append(s(name, conn_value(rng, words) if kind == "connection" else var_value(rng), kind_of, update=True))
    return items


def storable(moto: Moto, backend: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items moto accepts, each tried alone (an invalid name is left out, with its updates)."""
    kept: list[dict[str, Any]] = []
    for item in items:
        if item.get("update") and not any(k["name"] == item["name"] for k in kept):
            continue
        moto.reset()
        try:
            seed(moto, backend, [k for k in kept if k["name"] == item["name"]] + [item])
        except Exception:  # noqa: BLE001 - moto (as AWS) refuses the name or value: leave it out
            continue
        kept.append(item)
    return kept


def random_case(rng: random.Random, moto: Moto) -> dict[str, Any]:
    backend = SM if rng.random() < 0.55 else SSM
    kind = "connection" if rng.random() < 0.7 else "variable"
    on = rng.random() < 0.25
    team = pick(rng, TEAMS) if on and rng.random() < 0.7 else None
    kwargs = random_kwargs(rng, backend, kind)
    key = pick(rng, KEYS)
    names = names_read(backend, kind, kwargs, key, team)
    words = kwargs.get("extra_conn_words", {})
    items = storable(moto, backend, stored_items(rng, backend, kind, names, decoys(rng, backend, kind, key, names), words))
    return {"backend": backend, "kind": kind, "kwargs": kwargs, "stored": items, "key": key, "team": team,
            "multi_team": on}


def recording(tried: list[str]) -> None:
    """Makes both backends note every name they ask AWS for (``tried``), then read it as before."""
    sm_read, ssm_read = SecretsManagerBackend._get_secret_value, SystemsManagerParameterStoreBackend._get_parameter_value  # noqa: SLF001

    def sm(self: Any, secret_id: str, secrets_path: str) -> str | None:
        tried.append(secrets_path)
        return sm_read(self, secret_id, secrets_path)

    def ssm(self: Any, ssm_path: str) -> str | None:
        tried.append(ssm_path)
        return ssm_read(self, ssm_path)

    SecretsManagerBackend._get_secret_value = sm  # type: ignore[method-assign]  # noqa: SLF001
    SystemsManagerParameterStoreBackend._get_parameter_value = ssm  # type: ignore[method-assign]  # noqa: SLF001


def main() -> None:
    seed_, count = fuzz_arguments(SEED, COUNT)
    rng = random.Random(seed_)
    moto = Moto()
    cases: list[dict[str, Any]] = []
    tried: list[str] = []
    recording(tried)
    try:
        while len(cases) < count:
            case = random_case(rng, moto)
            tried.clear()
            out = run_case(moto, case["backend"], case["kind"], case["kwargs"], case["stored"], case["key"],
                           case["team"], case["multi_team"])
            case = {"id": f"fuzz-{seed_}-{len(cases)}", **case, "tried": list(tried), **out}
            try:
                json.dumps(case, allow_nan=False, ensure_ascii=False).encode("utf-8")
            except (ValueError, UnicodeEncodeError):
                continue  # a case the vector file cannot carry (a non-finite float, a lone surrogate)
            cases.append(case)
    finally:
        moto.stop()
    write_vectors("aws_backends_fuzz.json", "generate_aws_backends_fuzz.py", cases)


if __name__ == "__main__":
    main()
