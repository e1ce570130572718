"""Generate vectors/env_backend_fuzz.json: seeded random environments for EnvironmentVariablesBackend.

Each case sets a few random ``AIRFLOW_CONN_*`` / ``AIRFLOW_VAR_*`` variables (every other one
unset): names upper-, lower- and mixed-case, team-scoped (``AIRFLOW_CONN__<TEAM>___<ID>``), with
``___`` in the id, non-ASCII ids whose upper case is longer (``ß``, ``ﬁ``, ``ΐ``); values that are
URIs, JSON, empty, only whitespace, wrapped in Python's whitespace or led by a byte-order mark.
Then it runs the real Airflow 3.3.2 ``EnvironmentVariablesBackend`` with ``[core] multi_team`` on
or off (``AIRFLOW__CORE__MULTI_TEAM``) and a team or none, with the Task SDK's Connection class as
on a worker:
- ``kind: "connection"``: ``get_conn_value(key, team_name)`` (``value``), then
  ``get_connection(key, team_name)`` (``expected``: its fields, null when not found; or ``error``);
- ``kind: "variable"``: ``get_variable(key, team_name)`` (``value``, null when not found).
The seed is fixed: running it twice gives the same file.
"""

from __future__ import annotations

import os
import random
from typing import Any

from _common import LogCapture, error_of, fields_of, pick, write_fuzz_vectors

from airflow.sdk.definitions.connection import Connection  # noqa: E402
from airflow.secrets.environment_variables import EnvironmentVariablesBackend  # noqa: E402

SEED = 20261204
COUNT = 800

IDS = ["aws_default", "db", "DB", "Db", "my-conn.1", "a___b", "a__b", "_x", "x_", "team_a___db", "straße",
       "ﬁle", "ΐ", "ǆ", "ı", "é", "日本", "a b", "a/b", "a:b", "a#b", "k\\u", "", "a=b", "ʼn"]
TEAMS = ["team_a", "Team_A", "team-b", "abc", "t_1"]
URIS = ["aws://k:s@h:1/db?region_name=eu-west-1", "postgres://u:p@db/s", "aws://", "mysql://h?x=a=b",
        "aws://%E6%97%A5:%C3%A9@h", "google-cloud-platform://?key=v", "1aws://h", "aws://h?timeout=30&n=null",
        "aws://a # x", "http://h/?__extra__=%7B%22a%22%3A1%7D"]
JSONS = ['{"conn_type": "aws", "login": "k", "extra": {"region_name": "eu-west-1"}}', '{"conn_type":"postgres","port":5432}',
         '{"uri": "aws://h"}', '{"conn_type": "aws", "port": "5432"}', '{}', '{"host": "h"}', '{"conn_type": "AWS"}',
         '{"conn_type": "aws", "extra": "{\\"a\\": 1}"}', "{bad", '{"conn_type": "aws", "unknown": 1}']
VARS = ["eu-west-1", " padded\n", '{"a": 1}', "日本", "a=b", "0", "null", "None"]
SPACES = [" ", "\t", "\n", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u3000", "\u200b"]


def env_name(rng: random.Random, prefix: str, key: str, team: str | None) -> str:
    """A variable name meant to serve ``key``, now and then in another case or team-scoped."""
    roll = rng.random()
    head = prefix if rng.random() < 0.92 else pick(rng, [prefix.lower(), prefix.title(), prefix + "_"])
    if roll < 0.6:
        return head + key.upper()
    if roll < 0.75:
        return head + key  # as written: lower case is not what Airflow looks up
    if roll < 0.8:
        return head + key.lower()
    team = team if team and rng.random() < 0.7 else pick(rng, TEAMS)
    return f"{head}_{pick(rng, [team.upper(), team, team.lower()])}___{pick(rng, [key.upper(), key])}"


def random_value(rng: random.Random, kind: str) -> str:
    roll = rng.random()
    if roll < 0.08:
        return pick(rng, ["", " ", "\t\n", "\x85", "\ufeff"])
    value = pick(rng, VARS) if kind == "variable" and rng.random() < 0.6 else pick(rng, URIS if rng.random() < 0.6 else JSONS)
    if rng.random() < 0.2:
        value = "".join(pick(rng, SPACES) for _ in range(rng.randint(1, 2))) + value
    if rng.random() < 0.2:
        value += "".join(pick(rng, SPACES) for _ in range(rng.randint(1, 2)))
    if rng.random() < 0.04:
        value = pick(rng, ["\ufeff", " \ufeff"]) + value
    return value


def random_case(rng: random.Random) -> dict[str, Any]:
    kind = "connection" if rng.random() < 0.6 else "variable"
    prefix = "AIRFLOW_CONN_" if kind == "connection" else "AIRFLOW_VAR_"
    multi_team = rng.random() < 0.6
    team = pick(rng, TEAMS) if multi_team and rng.random() < 0.7 else None
    keys = [pick(rng, IDS) for _ in range(rng.randint(1, 4))]
    env: dict[str, str] = {}
    for key in keys:
        env[env_name(rng, prefix, key, team)] = random_value(rng, kind)
    if rng.random() < 0.15:  # the other kind under the same name: never read
        other = "AIRFLOW_VAR_" if kind == "connection" else "AIRFLOW_CONN_"
        env[other + pick(rng, keys).upper()] = pick(rng, URIS)
    key = pick(rng, keys) if rng.random() < 0.85 else pick(rng, IDS)
    if rng.random() < 0.1:
        key = key.swapcase()
    return {"kind": kind, "env": {k: v for k, v in env.items() if "=" not in k and k}, "key": key, "team": team,
            "multi_team": multi_team}


def run_case(case: dict[str, Any]) -> dict[str, Any]:
    saved = {k: v for k, v in os.environ.items() if k.upper().startswith(("AIRFLOW_VAR_", "AIRFLOW_CONN_"))}
    for k in saved:
        del os.environ[k]
    os.environ.update(case["env"])
    os.environ["AIRFLOW__CORE__MULTI_TEAM"] = "True" if case["multi_team"] else "False"
    out: dict[str, Any] = {"value": None, "expected": None, "error": None}
    try:
        with LogCapture() as logs:
            backend = EnvironmentVariablesBackend()
            backend._set_connection_class(Connection)  # noqa: SLF001 - what initialize_secrets_backends() does for workers
            if case["kind"] == "variable":
                out["value"] = backend.get_variable(case["key"], team_name=case["team"])
            else:
                out["value"] = backend.get_conn_value(case["key"], team_name=case["team"])
                try:
                    conn = backend.get_connection(case["key"], team_name=case["team"])
                    out["expected"] = fields_of(conn) if conn is not None else None
                except Exception as exc:  # noqa: BLE001 - recording Airflow's error is the point
                    out["error"] = error_of(exc)
        out["logs"] = logs.messages
    finally:
        for k in case["env"]:
            os.environ.pop(k, None)
        os.environ.pop("AIRFLOW__CORE__MULTI_TEAM", None)
        os.environ.update(saved)
    if case["kind"] == "variable":
        del out["expected"], out["error"]
    return out


def fuzz_case(rng: random.Random) -> dict[str, Any]:
    case = random_case(rng)
    return {**case, **run_case(case)}


if __name__ == "__main__":
    write_fuzz_vectors("env_backend_fuzz.json", "generate_env_backend_fuzz.py", SEED, COUNT, fuzz_case)
