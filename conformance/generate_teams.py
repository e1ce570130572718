"""Generate vectors/teams.json: Airflow 3.3 multi-team lookups, with the real Airflow code.

Each case runs one backend's own getter with ``[core] multi_team`` set through
``AIRFLOW__CORE__MULTI_TEAM`` (Airflow's configuration reads it on every call):
- ``env``: ``EnvironmentVariablesBackend().get_conn_value(id, team_name)`` or
  ``get_variable(id, team_name)`` with ``env`` set (every other ``AIRFLOW_CONN_*``/``AIRFLOW_VAR_*``
  unset); ``expected`` is the value returned (``null``: not found).
- ``secretsmanager`` / ``ssm``: the amazon provider's ``SecretsManagerBackend`` /
  ``SystemsManagerParameterStoreBackend`` with ``kwargs``, its ``get_conn_value`` or
  ``get_variable``; the backend's one AWS read (``_get_secret_value`` / ``_get_parameter_value``)
  is replaced by a recorder, so no AWS call is made: ``tried`` lists the names asked for, in
  order, and a name in ``existing`` answers ``value-of:<name>`` (``expected``).
- ``file``: ``LocalFilesystemBackend(connections_file_path=<file>).get_connection(id, team_name)``
  on a JSON file ``file``; ``expected`` is the connection's ``conn_type`` and ``team_name``, or
  ``null``; ``error`` is Airflow's exception.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from _common import error_of, write_vectors

from airflow.providers.amazon.aws.secrets.secrets_manager import SecretsManagerBackend  # noqa: E402
from airflow.providers.amazon.aws.secrets.systems_manager import (  # noqa: E402
    SystemsManagerParameterStoreBackend,
)
from airflow.secrets.environment_variables import EnvironmentVariablesBackend  # noqa: E402
from airflow.secrets.local_filesystem import LocalFilesystemBackend  # noqa: E402

ENV = {
    "AIRFLOW_CONN__TEAM_A___DB": "postgres://team-a-host",
    "AIRFLOW_CONN_DB": "postgres://global-host",
    "AIRFLOW_CONN_ONLY_GLOBAL": "mysql://g",
    "AIRFLOW_CONN__TEAM_A___EMPTY": "",
    "AIRFLOW_CONN_EMPTY": "postgres://global-empty",
    "AIRFLOW_CONN_A___B": "postgres://ambiguous",
    "AIRFLOW_CONN__TEAM_B___SECRET": "postgres://b",
    "AIRFLOW_VAR__TEAM_A___REGION": "eu-west-1",
    "AIRFLOW_VAR_REGION": "us-east-1",
    "AIRFLOW_VAR__TEAM_A___BLANK": "",
    "AIRFLOW_VAR_BLANK": "",
    "AIRFLOW_VAR_A___B": "x",
    "AIRFLOW_VAR_A--B": "dashes",
}

# (id, kind, key, team, multi_team)
ENV_CASES: list[tuple[str, str, str, str | None, bool]] = [
    ("env-conn-team-first", "connection", "db", "team_a", True),
    ("env-conn-team-upper-cased", "connection", "DB", "Team_A", True),
    ("env-conn-team-falls-back", "connection", "only_global", "team_a", True),
    ("env-conn-team-empty-skipped", "connection", "empty", "team_a", True),
    ("env-conn-no-team", "connection", "db", None, False),
    ("env-conn-multi-team-no-team", "connection", "db", None, True),
    ("env-conn-other-team", "connection", "db", "team_b", True),
    ("env-conn-sep-refused", "connection", "a___b", "team_a", True),
    ("env-conn-sep-refused-no-team", "connection", "a___b", None, True),
    ("env-conn-sep-single-team", "connection", "a___b", None, False),
    ("env-conn-other-team-spelled-out", "connection", "_team_b___secret", "team_a", True),
    ("env-var-team-first", "variable", "region", "team_a", True),
    ("env-var-team-empty-skipped-global-empty-kept", "variable", "blank", "team_a", True),
    ("env-var-no-team", "variable", "region", None, False),
    ("env-var-sep-refused", "variable", "a___b", "team_a", True),
    ("env-var-sep-single-team", "variable", "a___b", None, False),
    ("env-var-dashes-not-refused", "variable", "a--b", "team_a", True),
]

# The inputs of Airflow's own tests of this backend, as data (case id
# airflow-test-core-<test>-<connection|variable>-<n>-<multi-team|single-team>, source "airflow-test"): each test's
# variables, id and team, from airflow-core/tests/unit/always/test_secrets_environment_variables.py
# (connections through get_conn_value and Variables, teams "team-a" and "teama"; run with
# [core] multi_team on and off: the test sets neither) and the team-less Variables of
# test_secrets_backends.py and test_secrets.py (multi_team off). (test, kind, env, key, team, modes)
_TEAM_VALUE = "team-scoped-value"
_GLOBAL_VALUE = "team-agnostic-value"
_BOTH = (True, False)
AIRFLOW_TEST_ENV_CASES: list[tuple[str, str, dict[str, str], str, str | None, tuple[bool, ...]]] = []
for _kind, _prefix in (("connection", "AIRFLOW_CONN_"), ("variable", "AIRFLOW_VAR_")):
    def _add(test: str, env: dict[str, str], key: str, team: str | None, modes: tuple[bool, ...] = _BOTH) -> None:
        AIRFLOW_TEST_ENV_CASES.append((test, _kind, env, key, team, modes))

    for _team in ("team-a", "teama"):
        _scoped = {f"{_prefix}_{_team.upper()}___DBCONN": _TEAM_VALUE}
        _add("team_scoped_secret_is_not_resolved_without_a_team_scope", _scoped, f"_{_team}___dbconn", None)
        _add("team_scoped_secret_is_not_resolved_for_another_team", _scoped, f"_{_team}___dbconn", "team-b")
        _add("team_scoped_secret_is_resolved_for_its_own_team", _scoped, "dbconn", _team)
        _add("id_spelling_out_a_team_namespace_is_never_resolved", _scoped, f"_{_team}___dbconn", _team)
    for _team in (None, "team-a", "teama"):
        for _id in ("_a___b", "_ab___x"):
            _add("id_that_cannot_name_a_team_is_still_resolved", {_prefix + _id.upper(): _GLOBAL_VALUE}, _id, _team)
    _span = {f"{_prefix}_TEAM-A___PROD___DBCONN": _TEAM_VALUE}
    _add("a_team_name_cannot_span_the_separator", _span, "_team-a___prod___dbconn", "team-b")
    _add("a_team_name_cannot_span_the_separator", _span, "_team-a___prod___dbconn", None)
    _add("a_team_name_cannot_span_the_separator", _span, "prod___dbconn", "team-a")
    for _team in ("team-a", "teama"):
        _both = {f"{_prefix}_{_team.upper()}___DBCONN": _TEAM_VALUE, _prefix + "DBCONN": _GLOBAL_VALUE}
        _add("team_scoped_secret_wins_over_the_team_agnostic_one", _both, "dbconn", _team)
        _add("team_scoped_secret_wins_over_the_team_agnostic_one", _both, "dbconn", None)
    for _team in (None, "team-a", "teama"):
        _add("team_agnostic_secret_is_resolved_for_any_team_scope", {_prefix + "DBCONN": _GLOBAL_VALUE}, "dbconn", _team)
    for _team in (None, "team-a", "teama"):
        _add("unset_secret_is_not_resolved", {}, "dbconn", _team)
_VARS = {"AIRFLOW_VAR_HELLO": "World", "AIRFLOW_VAR_EMPTY_STR": ""}
AIRFLOW_TEST_ENV_CASES += [
    ("variable_env_secrets_backend", "variable", _VARS, key, None, (False,))
    for key in ("hello", "non_existent_key", "empty_str")
]
AIRFLOW_TEST_ENV_CASES.append(
    ("backend_variable_order", "variable", {"AIRFLOW_VAR_MYVAR": "a_venv_value"}, "MYVAR", None, (False,))
)

# (id, backend, kind, kwargs, key, team, multi_team, existing)
AWS_CASES: list[tuple[str, str, str, dict[str, Any], str, str | None, bool, list[str]]] = []
for backend, conn_prefix, var_prefix, lead in (
    ("secretsmanager", "airflow/connections", "airflow/variables", ""),
    ("ssm", "/airflow/connections", "/airflow/variables", "/"),
):
    short = "sm" if backend == "secretsmanager" else "ssm"
    team_db = f"{conn_prefix}/team_a--db"
    db = f"{conn_prefix}/db"
    AWS_CASES += [
        (f"{short}-conn-team-first", backend, "connection", {}, "db", "team_a", True, [team_db, db]),
        (f"{short}-conn-team-falls-back", backend, "connection", {}, "db", "team_a", True, [db]),
        (f"{short}-conn-team-neither", backend, "connection", {}, "db", "team_a", True, []),
        (f"{short}-conn-no-team", backend, "connection", {}, "db", None, False, [team_db, db]),
        (f"{short}-conn-multi-team-no-team", backend, "connection", {}, "db", None, True, [team_db, db]),
        (f"{short}-conn-sep-refused", backend, "connection", {}, "a--b", "team_a", True, [f"{conn_prefix}/a--b"]),
        (f"{short}-conn-sep-refused-no-team", backend, "connection", {}, "a--b", None, True, [f"{conn_prefix}/a--b"]),
        (f"{short}-conn-sep-single-team", backend, "connection", {}, "a--b", None, False, [f"{conn_prefix}/a--b"]),
        # A team with [core] multi_team off: Airflow never passes one then, but its backends take it
        # (the amazon provider's unit tests do) and refuse no "--" id; awsconn's team turns the mode on.
        (f"{short}-conn-sep-team-single-team", backend, "connection", {}, "a--b", "team_a", False, [f"{conn_prefix}/a--b"]),
        (f"{short}-conn-triple-underscore-kept", backend, "connection", {}, "a___b", "team_a", True, []),
        (
            f"{short}-conn-pattern-on-bare-id",
            backend,
            "connection",
            {"connections_lookup_pattern": "^db"},
            "db",
            "team_a",
            True,
            [db],
        ),
        (
            f"{short}-conn-pattern-refusal-first",
            backend,
            "connection",
            {"connections_lookup_pattern": "^zz"},
            "a--b",
            "team_a",
            True,
            [],
        ),
        (
            f"{short}-conn-custom-prefix",
            backend,
            "connection",
            {"connections_prefix": f"{lead}team-conns/"},
            "db",
            "team_a",
            True,
            [],
        ),
        (
            f"{short}-conn-empty-prefix",
            backend,
            "connection",
            {"connections_prefix": ""},
            "db",
            "team_a",
            True,
            [],
        ),
        (
            f"{short}-conn-prefix-none",
            backend,
            "connection",
            {"connections_prefix": None},
            "a--b",
            "team_a",
            True,
            [],
        ),
        (f"{short}-var-team-first", backend, "variable", {}, "region", "team_a", True, [f"{var_prefix}/team_a--region"]),
        (f"{short}-var-falls-back", backend, "variable", {}, "region", "team_a", True, [f"{var_prefix}/region"]),
        (f"{short}-var-sep-refused", backend, "variable", {}, "x--y", "team_a", True, []),
    ]
AWS_CASES.append(
    ("sm-conn-sep-colon", "secretsmanager", "connection", {"sep": ":"}, "db", "team_a", True, ["airflow/connections:db"])
)

# (id, entries, key, team)
FILE_CASES: list[tuple[str, dict[str, Any], str, str | None]] = [
    ("file-team-name-other-team", {"a": {"conn_type": "aws", "team_name": "team_b"}}, "a", "team_a"),
    ("file-team-name-same-team", {"a": {"conn_type": "aws", "team_name": "team_a"}}, "a", "team_a"),
    ("file-team-name-no-team", {"a": {"conn_type": "aws", "team_name": "team_b"}}, "a", None),
    ("file-no-team-name", {"a": {"conn_type": "aws"}}, "a", "team_a"),
    ("file-sep-id-not-refused", {"x--y": {"conn_type": "http"}}, "x--y", "team_a"),
]


class multi_team:  # noqa: N801 - a context manager read as a phrase
    def __init__(self, on: bool) -> None:
        self.on = on

    def __enter__(self) -> None:
        os.environ["AIRFLOW__CORE__MULTI_TEAM"] = "True" if self.on else "False"

    def __exit__(self, *exc: object) -> None:
        os.environ.pop("AIRFLOW__CORE__MULTI_TEAM", None)


def env_case(kind: str, key: str, team: str | None, on: bool, env: dict[str, str] = ENV) -> dict[str, Any]:
    saved = {k: v for k, v in os.environ.items() if k.startswith(("AIRFLOW_VAR_", "AIRFLOW_CONN_"))}
    for k in saved:
        del os.environ[k]
    os.environ.update(env)
    try:
        with multi_team(on):
            backend = EnvironmentVariablesBackend()
            get = backend.get_conn_value if kind == "connection" else backend.get_variable
            return {"expected": get(key, team_name=team), "error": None}
    finally:
        for k in env:
            os.environ.pop(k, None)
        os.environ.update(saved)


def aws_case(backend: str, kind: str, kwargs: dict[str, Any], key: str, team: str | None, on: bool, existing: list[str]):
    tried: list[str] = []

    def answer(path: str) -> str | None:
        tried.append(path)
        return f"value-of:{path}" if path in existing else None

    with multi_team(on):
        if backend == "secretsmanager":
            b = SecretsManagerBackend(**kwargs)
            b._get_secret_value = lambda secret_id, secrets_path: answer(secrets_path)  # type: ignore[method-assign]
        else:
            b = SystemsManagerParameterStoreBackend(**kwargs)
            b._get_parameter_value = lambda ssm_path: answer(ssm_path)  # type: ignore[method-assign]
        get = b.get_conn_value if kind == "connection" else b.get_variable
        try:
            expected = get(key, team_name=team)
            error = None
        except Exception as exc:  # noqa: BLE001 - recording Airflow's error is the point
            expected, error = None, error_of(exc)
    return {"tried": tried, "expected": expected, "error": error}


def file_case(entries: dict[str, Any], key: str, team: str | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp, multi_team(True):
        path = Path(tmp) / "connections.json"
        path.write_text(json.dumps(entries), encoding="utf-8")
        try:
            conn = LocalFilesystemBackend(connections_file_path=str(path)).get_connection(key, team_name=team)
        except Exception as exc:  # noqa: BLE001
            return {"expected": None, "error": error_of(exc)}
    expected = None if conn is None else {"conn_type": conn.conn_type, "team_name": conn.team_name}
    return {"expected": expected, "error": None}


def main() -> None:
    cases: list[dict[str, Any]] = []
    for case_id, kind, key, team, on in ENV_CASES:
        cases.append(
            {"id": case_id, "backend": "env", "kind": kind, "env": ENV, "key": key, "team": team, "multi_team": on,
             **env_case(kind, key, team, on)}
        )
    # A test input the file holds already (the same variables, key, team and mode) is not repeated.
    have = {(c["kind"], json.dumps(c["env"], sort_keys=True), c["key"], c["team"], c["multi_team"]) for c in cases}
    counts: dict[tuple[str, str], int] = {}
    skipped = 0
    for test, kind, env, key, team, modes in AIRFLOW_TEST_ENV_CASES:
        counts[(test, kind)] = n = counts.get((test, kind), 0) + 1
        for on in modes:
            seen = (kind, json.dumps(env, sort_keys=True), key, team, on)
            if seen in have:
                skipped += 1
                continue
            have.add(seen)
            mode = "multi-team" if on else "single-team"
            cases.append(
                {"id": f"airflow-test-core-{test}-{kind}-{n}-{mode}", "source": "airflow-test", "backend": "env",
                 "kind": kind, "env": env, "key": key, "team": team, "multi_team": on,
                 **env_case(kind, key, team, on, env)}
            )
    print(f"teams: {len(cases) - len(ENV_CASES)} Airflow-test env cases, {skipped} already in the file", file=sys.stderr)
    for case_id, backend, kind, kwargs, key, team, on, existing in AWS_CASES:
        cases.append(
            {"id": case_id, "backend": backend, "kind": kind, "kwargs": kwargs, "key": key, "team": team,
             "multi_team": on, "existing": existing, **aws_case(backend, kind, kwargs, key, team, on, existing)}
        )
    for case_id, entries, key, team in FILE_CASES:
        cases.append(
            {"id": case_id, "backend": "file", "kind": "connection", "file": entries, "key": key, "team": team,
             "multi_team": True, **file_case(entries, key, team)}
        )
    write_vectors("teams.json", "generate_teams.py", cases)


if __name__ == "__main__":
    main()
