"""Generate vectors/env_backend.json: Airflow's EnvironmentVariablesBackend as a worker uses it.

For every case the variable ``AIRFLOW_CONN_X`` is set to the case's value (or left unset) and the
real ``EnvironmentVariablesBackend().get_connection("x")`` runs, with the Task SDK's Connection
class that workers give their backends. It records the connection's fields, "not found" as null,
or the error. The cases are the stored-value edges: Python's whitespace set (which ``strip()``
removes before deciding between URI and JSON) and the byte-order mark, which it keeps. The cases
named airflow-test-* set the variables and ask for the ids of Airflow's own tests of this backend.

The file has the shape of aws_backends.json (FORMAT.md) with ``backend: "env"``: ``stored`` holds
the variable (``kind: "env"``), empty when the variable is unset.
"""

from __future__ import annotations

import json
import os
from typing import Any

from _common import LogCapture, error_of, fields_of, write_vectors

from airflow.sdk.definitions.connection import Connection  # noqa: E402
from airflow.secrets.environment_variables import EnvironmentVariablesBackend  # noqa: E402

VARIABLE = "AIRFLOW_CONN_X"
URI = "aws://k:s@h:1/db?region_name=eu-west-1"
JSON = json.dumps({"conn_type": "aws", "login": "k", "extra": {"region_name": "eu-west-1"}})

# (id, value or None for unset)
CASES: list[tuple[str, str | None]] = [
    ("env-uri", URI),
    ("env-json", JSON),
    ("env-unset", None),
    ("env-empty", ""),
    ("env-whitespace-only", " \t\n "),
    ("env-uri-surrounding-space", " \t\n" + URI + " \n"),
    ("env-json-surrounding-space", " \n" + JSON + "\n "),
]
for name, ch in [
    ("separator", "\x1c"),
    ("unit-separator", "\x1f"),
    ("nel", "\x85"),
    ("nbsp", "\xa0"),
    ("line-separator", "\u2028"),
    ("ideographic-space", "\u3000"),
    ("vtab", "\x0b"),
]:
    CASES.append((f"env-uri-{name}", ch + URI + ch))
    CASES.append((f"env-json-{name}", ch + JSON + ch))
CASES += [
    # U+FEFF is not whitespace to Python: a leading one makes the value a URI without a scheme.
    ("env-uri-bom-led", "\ufeff" + URI),
    ("env-json-bom-led", "\ufeff" + JSON),
    ("env-uri-space-then-bom", " \ufeff" + URI),
    ("env-json-bom-trailing", JSON + "\ufeff"),
    ("env-uri-bom-trailing", "aws://k:s@h\ufeff"),
    ("env-uri-zero-width-space-led", "\u200b" + URI),
]


# The environments and ids of Airflow's own tests of this backend, as data (case id
# airflow-test-core-<test>-<n>, source "airflow-test"): (test, variables set, conn_id), from
# airflow-core/tests/unit/always/test_secrets_backends.py and test_secrets.py. The team-scoped
# inputs of test_secrets_environment_variables.py are in generate_teams.py (get_conn_value with a team).
_LEGACY_PORTS = {
    "AIRFLOW_CONN_LEGACY_URI_PORT": "mysql://host:0/",
    "AIRFLOW_CONN_LEGACY_JSON_PORT": '{"conn_type": "mysql", "host": "host", "port": 0}',
}
AIRFLOW_TEST_CASES: list[tuple[str, dict[str, str], str]] = [
    (
        "connection_env_secrets_backend",
        {"AIRFLOW_CONN_SAMPLE_1": "mysql://user:pw@host_A.com/schema?extra1=val%2B1&extra2=val%2B2"},
        "sample_1",
    ),
    ("connection_env_secrets_backend_allows_legacy_invalid_port", _LEGACY_PORTS, "legacy_uri_port"),
    ("connection_env_secrets_backend_allows_legacy_invalid_port", _LEGACY_PORTS, "legacy_json_port"),
    ("backend_fallback_to_env_var", {"AIRFLOW_CONN_TEST_MYSQL": "mysql://airflow:airflow@host:5432/airflow"}, "test_mysql"),
]


def run_case(env: dict[str, str], conn_id: str) -> dict[str, Any]:
    saved = {k: v for k, v in os.environ.items() if k.upper().startswith("AIRFLOW_CONN_")}
    for k in saved:
        del os.environ[k]
    os.environ.update(env)
    backend = EnvironmentVariablesBackend()
    backend._set_connection_class(Connection)  # noqa: SLF001 - what initialize_secrets_backends() does for workers
    out: dict[str, Any] = {"expected": None, "error": None}
    with LogCapture() as logs:
        try:
            conn = backend.get_connection(conn_id)
            out["expected"] = fields_of(conn) if conn is not None else None
        except Exception as exc:  # noqa: BLE001 - recording Airflow's error is the point
            out["error"] = error_of(exc)
    out["logs"] = logs.messages
    for k in env:
        os.environ.pop(k, None)
    os.environ.update(saved)
    return out


def main() -> None:
    cases = [
        {
            "id": case_id,
            "backend": "env",
            "kwargs": {},
            "stored": [] if value is None else [{"name": VARIABLE, "kind": "env", "value": value}],
            "conn_id": "x",
            **run_case({} if value is None else {VARIABLE: value}, "x"),
        }
        for case_id, value in CASES
    ]
    counts: dict[str, int] = {}
    for test, env, conn_id in AIRFLOW_TEST_CASES:
        counts[test] = counts.get(test, 0) + 1
        cases.append(
            {
                "id": f"airflow-test-core-{test}-{counts[test]}",
                "source": "airflow-test",
                "backend": "env",
                "kwargs": {},
                "stored": [{"name": name, "kind": "env", "value": value} for name, value in env.items()],
                "conn_id": conn_id,
                **run_case(env, conn_id),
            }
        )
    write_vectors("env_backend.json", "generate_env_backend.py", cases)


if __name__ == "__main__":
    main()
