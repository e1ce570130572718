"""Generate vectors/aws_variables.json: Airflow Variables read by the amazon provider's backends against moto.

Starts ``moto_server`` (``_moto.py``) and, for every case: resets moto, stores the case's
secrets/parameters with boto3, builds the real ``SecretsManagerBackend(**kwargs)`` /
``SystemsManagerParameterStoreBackend(**kwargs)`` with ``endpoint_url`` pointing at moto, sets
``[core] multi_team`` through ``AIRFLOW__CORE__MULTI_TEAM``, and records what
``get_variable(key, team_name=team)`` returns: the raw value (Variables are never parsed: JSON
stays text), ``null`` for "not found", or the error. A few ``kind: "connection"`` cases record
``get_connection(key, team_name=team)`` (with the Task SDK's Connection class, as on a worker) for
the team-scoped storage corners that only a real read shows (a binary-only team-scoped secret).
AWS refuses an empty value (SecretString and parameter values are at least 1 character), so the
"empty" cases store blanks. Credentials and region are dummies (``_moto.py``); moto is always stopped.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from _common import LogCapture, error_of, fields_of, write_vectors
from _moto import SM, SSM, Moto, seed
from _moto import stored as s

from airflow.providers.amazon.aws.secrets.secrets_manager import SecretsManagerBackend  # noqa: E402
from airflow.providers.amazon.aws.secrets.systems_manager import (  # noqa: E402
    SystemsManagerParameterStoreBackend,
)
from airflow.sdk.definitions.connection import Connection  # noqa: E402

V = "airflow/variables/"
SV = "/airflow/variables/"
JSON_TEXT = '{"a": 1, "b": [true, null]}'

# (id, backend, kwargs, stored, key) -- Variables, no team, multi_team off
CASES: list[tuple[str, str, dict[str, Any], list[dict[str, Any]], str]] = [
    # ---------------------------------------------------------------- Secrets Manager: values
    ("sm-default-prefix", SM, {}, [s(V + "region", "eu-west-1")], "region"),
    ("sm-not-connections-prefix", SM, {}, [s("airflow/connections/region", "eu-west-1")], "region"),
    ("sm-blank-space", SM, {}, [s(V + "v", " ")], "v"),
    ("sm-blank-newline", SM, {}, [s(V + "v", "\n")], "v"),
    ("sm-padding-kept", SM, {}, [s(V + "v", "  padded\n")], "v"),
    ("sm-json-kept-raw", SM, {}, [s(V + "doc", JSON_TEXT)], "doc"),
    ("sm-json-string-kept-raw", SM, {}, [s(V + "doc", '"quoted"')], "doc"),
    ("sm-uri-kept-raw", SM, {}, [s(V + "url", "aws://k:s@h?region_name=eu-west-1")], "url"),
    ("sm-full-url-mode-false-json-raw", SM, {"full_url_mode": False}, [s(V + "doc", JSON_TEXT)], "doc"),
    ("sm-extra-conn-words-irrelevant", SM, {"extra_conn_words": {"user": ["usr"]}}, [s(V + "doc", '{"usr": "u"}')], "doc"),
    ("sm-unicode", SM, {}, [s(V + "greeting", "h\u00e9llo \u65e5\u672c \U0001f600")], "greeting"),
    ("sm-large", SM, {}, [s(V + "big", "x" * 20000)], "big"),
    ("sm-binary-only", SM, {}, [s(V + "v", "binary-value", kind="SecretBinary")], "v"),
    ("sm-missing", SM, {}, [s(V + "other", "x")], "missing"),
    ("sm-missing-empty-store", SM, {}, [], "region"),
    ("sm-rotated", SM, {}, [s(V + "v", "old"), s(V + "v", "new", update=True)], "v"),
    ("sm-deleted", SM, {}, [s(V + "v", "x", deleted=True)], "v"),
    ("sm-key-case-kept", SM, {}, [s(V + "region", "lower"), s(V + "Region", "upper")], "Region"),
    ("sm-key-hierarchical", SM, {}, [s(V + "team/region", "eu-west-1")], "team/region"),
    ("sm-key-odd-characters", SM, {}, [s(V + "my.var-1_x+=@", "odd")], "my.var-1_x+=@"),
    ("sm-key-space", SM, {}, [s(V + "my key", "spaced")], "my key"),
    ("sm-key-unicode", SM, {}, [s(V + "r\u00e9gion", "accent")], "r\u00e9gion"),
    ("sm-key-team-sep-single-team", SM, {}, [s(V + "a--b", "dashes")], "a--b"),
    ("sm-key-empty", SM, {}, [s(V.rstrip("/"), "the prefix itself")], ""),
    # ---------------------------------------------------------------- Secrets Manager: prefix, sep
    ("sm-prefix-custom", SM, {"variables_prefix": "myapp/vars"}, [s("myapp/vars/region", "custom")], "region"),
    ("sm-prefix-custom-not-default", SM, {"variables_prefix": "myapp/vars"}, [s(V + "region", "default")], "region"),
    ("sm-prefix-trailing-sep", SM, {"variables_prefix": "airflow/variables/"}, [s(V + "region", "x")], "region"),
    ("sm-prefix-trailing-seps", SM, {"variables_prefix": "airflow/variables///"}, [s(V + "region", "x")], "region"),
    ("sm-prefix-leading-slash", SM, {"variables_prefix": "/airflow/variables"}, [s("/airflow/variables/region", "slash")], "region"),
    ("sm-prefix-empty", SM, {"variables_prefix": ""}, [s("region", "bare")], "region"),
    ("sm-prefix-null", SM, {"variables_prefix": None}, [s("region", "bare"), s(V + "region", "x")], "region"),
    ("sm-prefix-connections-only-changed", SM, {"connections_prefix": "other"}, [s(V + "region", "x")], "region"),
    ("sm-sep-colon", SM, {"variables_prefix": "airflow", "sep": ":"}, [s("airflow:region", "colon")], "region"),
    ("sm-sep-colon-default-prefix", SM, {"sep": ":"}, [s("airflow/variables:region", "colon")], "region"),
    ("sm-sep-dash-trailing", SM, {"variables_prefix": "vars-", "sep": "-"}, [s("vars-region", "dash")], "region"),
    ("sm-sep-empty", SM, {"variables_prefix": "vars", "sep": ""}, [s("varsregion", "glued")], "region"),
    ("sm-sep-prefix-empty", SM, {"variables_prefix": "", "sep": ":"}, [s("region", "bare")], "region"),
    # ---------------------------------------------------------------- Secrets Manager: lookup pattern
    ("sm-pattern-match", SM, {"variables_lookup_pattern": "^app_"}, [s(V + "app_x", "x")], "app_x"),
    ("sm-pattern-no-match", SM, {"variables_lookup_pattern": "^app_"}, [s(V + "db_x", "x")], "db_x"),
    ("sm-pattern-case-insensitive", SM, {"variables_lookup_pattern": "APP_"}, [s(V + "app_x", "x")], "app_x"),
    ("sm-pattern-anchored-start", SM, {"variables_lookup_pattern": "region"}, [s(V + "my_region", "x")], "my_region"),
    ("sm-pattern-not-fullmatch", SM, {"variables_lookup_pattern": "app"}, [s(V + "app_region", "x")], "app_region"),
    ("sm-pattern-empty-string", SM, {"variables_lookup_pattern": ""}, [s(V + "x", "x")], "x"),
    ("sm-pattern-python-named-group", SM, {"variables_lookup_pattern": "(?P<env>prod|dev)_"}, [s(V + "dev_x", "x")], "dev_x"),
    ("sm-pattern-python-end-z", SM, {"variables_lookup_pattern": "app\\Z"}, [s(V + "app", "x")], "app"),
    ("sm-pattern-python-end-z-longer", SM, {"variables_lookup_pattern": "app\\Z"}, [s(V + "apps", "x")], "apps"),
    ("sm-pattern-dollar", SM, {"variables_lookup_pattern": "^app$"}, [s(V + "app", "x")], "app"),
    ("sm-pattern-kelvin-sign", SM, {"variables_lookup_pattern": "^k"}, [s(V + "\u212aey", "x")], "\u212aey"),
    ("sm-pattern-invalid", SM, {"variables_lookup_pattern": "(app"}, [s(V + "app", "x")], "app"),
    ("sm-pattern-python-rejects-escape", SM, {"variables_lookup_pattern": "\\e"}, [s(V + "e", "x")], "e"),
    ("sm-pattern-connections-pattern-ignored", SM, {"connections_lookup_pattern": "^zz"}, [s(V + "x", "x")], "x"),
    ("sm-pattern-with-prefix-null", SM, {"variables_prefix": None, "variables_lookup_pattern": "^x"}, [s("x", "x")], "x"),
    # ---------------------------------------------------------------- SSM: values
    ("ssm-string", SSM, {}, [s(SV + "region", "eu-west-1", kind="String")], "region"),
    ("ssm-securestring", SSM, {}, [s(SV + "token", "s3cr3t", kind="SecureString")], "token"),
    ("ssm-stringlist", SSM, {}, [s(SV + "zones", "a,b, c", kind="StringList")], "zones"),
    ("ssm-not-connections-prefix", SSM, {}, [s("/airflow/connections/region", "x", kind="String")], "region"),
    ("ssm-blank-space", SSM, {}, [s(SV + "v", " ", kind="String")], "v"),
    ("ssm-padding-kept", SSM, {}, [s(SV + "v", "  padded\n", kind="String")], "v"),
    ("ssm-json-kept-raw", SSM, {}, [s(SV + "doc", JSON_TEXT, kind="String")], "doc"),
    ("ssm-json-securestring-kept-raw", SSM, {}, [s(SV + "doc", JSON_TEXT, kind="SecureString")], "doc"),
    ("ssm-unicode", SSM, {}, [s(SV + "greeting", "h\u00e9llo \U0001f600", kind="String")], "greeting"),
    ("ssm-missing", SSM, {}, [s(SV + "other", "x", kind="String")], "missing"),
    ("ssm-overwritten", SSM, {}, [s(SV + "v", "old", kind="String"), s(SV + "v", "new", kind="String", update=True)], "v"),
    ("ssm-key-hierarchical", SSM, {}, [s(SV + "team/region", "eu-west-1", kind="String")], "team/region"),
    ("ssm-key-odd-characters", SSM, {}, [s(SV + "my.var-1_x", "odd", kind="String")], "my.var-1_x"),
    ("ssm-key-space", SSM, {}, [s(SV + "my key", "spaced", kind="String")], "my key"),
    ("ssm-key-case-kept", SSM, {}, [s(SV + "region", "lower", kind="String"), s(SV + "Region", "upper", kind="String")], "Region"),
    ("ssm-key-empty", SSM, {}, [s(SV.rstrip("/"), "the prefix itself", kind="String")], ""),
    # ---------------------------------------------------------------- SSM: prefix, pattern
    ("ssm-prefix-no-leading-slash", SSM, {"variables_prefix": "airflow/variables"}, [s(SV + "region", "x", kind="String")], "region"),
    ("ssm-prefix-trailing-slash", SSM, {"variables_prefix": "/airflow/variables/"}, [s(SV + "region", "x", kind="String")], "region"),
    ("ssm-prefix-custom", SSM, {"variables_prefix": "/team-a/vars"}, [s("/team-a/vars/region", "custom", kind="String")], "region"),
    ("ssm-prefix-empty", SSM, {"variables_prefix": ""}, [s("/region", "root", kind="String")], "region"),
    ("ssm-prefix-null", SSM, {"variables_prefix": None}, [s(SV + "region", "x", kind="String"), s("/region", "x", kind="String")], "region"),
    ("ssm-pattern-match", SSM, {"variables_lookup_pattern": "^app_"}, [s(SV + "app_x", "x", kind="String")], "app_x"),
    ("ssm-pattern-no-match", SSM, {"variables_lookup_pattern": "^app_"}, [s(SV + "db_x", "x", kind="String")], "db_x"),
    ("ssm-pattern-case-insensitive", SSM, {"variables_lookup_pattern": "APP_"}, [s(SV + "app_x", "x", kind="String")], "app_x"),
    ("ssm-pattern-anchored-start", SSM, {"variables_lookup_pattern": "region"}, [s(SV + "my_region", "x", kind="String")], "my_region"),
    ("ssm-pattern-invalid", SSM, {"variables_lookup_pattern": "[app"}, [s(SV + "app", "x", kind="String")], "app"),
    ("ssm-pattern-python-named-group", SSM, {"variables_lookup_pattern": "(?P<env>prod|dev)_"}, [s(SV + "prod_x", "x", kind="String")], "prod_x"),
]

# (id, backend, kind, kwargs, stored, key, team, multi_team) -- Airflow 3.3 multi-team
TEAM_CASES: list[tuple[str, str, str, dict[str, Any], list[dict[str, Any]], str, str | None, bool]] = []
for _backend, _pre, _kind_of in ((SM, V, lambda k: k), (SSM, SV, lambda k: "String" if k == "SecretString" else k)):
    _short = "sm" if _backend == SM else "ssm"

    def _s(name: str, value: str, kind: str = "SecretString", _k=_kind_of) -> dict[str, Any]:
        return s(name, value, kind=_k(kind))

    TEAM_CASES += [
        (f"{_short}-team-first", _backend, "variable", {}, [_s(_pre + "team_a--region", "team"), _s(_pre + "region", "global")], "region", "team_a", True),
        (f"{_short}-team-falls-back", _backend, "variable", {}, [_s(_pre + "region", "global")], "region", "team_a", True),
        (f"{_short}-team-neither", _backend, "variable", {}, [_s(_pre + "team_b--region", "b")], "region", "team_a", True),
        (f"{_short}-team-other-team-not-read", _backend, "variable", {}, [_s(_pre + "team_b--region", "b"), _s(_pre + "region", "global")], "region", "team_a", True),
        (f"{_short}-team-multi-team-no-team", _backend, "variable", {}, [_s(_pre + "team_a--region", "team"), _s(_pre + "region", "global")], "region", None, True),
        (f"{_short}-team-sep-refused", _backend, "variable", {}, [_s(_pre + "a--b", "x")], "a--b", "team_a", True),
        (f"{_short}-team-sep-refused-no-team", _backend, "variable", {}, [_s(_pre + "a--b", "x")], "a--b", None, True),
        (f"{_short}-team-pattern-on-bare-key", _backend, "variable", {"variables_lookup_pattern": "^region"}, [_s(_pre + "team_a--region", "team")], "region", "team_a", True),
        (f"{_short}-team-prefix-null", _backend, "variable", {"variables_prefix": None}, [_s(_pre + "team_a--region", "team")], "region", "team_a", True),
    ]
TEAM_CASES += [
    ("sm-team-prefix-empty-no-scoped-name", SM, "variable", {"variables_prefix": ""}, [s("team_a--region", "team"), s("region", "bare")], "region", "team_a", True),
    ("ssm-team-prefix-empty", SSM, "variable", {"variables_prefix": ""}, [s("/team_a--region", "team", kind="String"), s("/region", "root", kind="String")], "region", "team_a", True),
    ("sm-team-sep-colon", SM, "variable", {"sep": ":"}, [s("airflow/variables:team_a--region", "team")], "region", "team_a", True),
    ("ssm-team-securestring", SSM, "variable", {}, [s(SV + "team_a--token", "t", kind="SecureString")], "token", "team_a", True),
    # A binary-only team-scoped secret: Airflow's read gives None (no SecretString) and falls back to the global name.
    ("sm-team-binary-only-scoped", SM, "variable", {}, [s(V + "team_a--region", "bin", kind="SecretBinary"), s(V + "region", "global")], "region", "team_a", True),
    ("sm-team-binary-only-scoped-no-global", SM, "variable", {}, [s(V + "team_a--region", "bin", kind="SecretBinary")], "region", "team_a", True),
    ("sm-team-binary-only-global", SM, "variable", {}, [s(V + "region", "bin", kind="SecretBinary")], "region", "team_a", True),
    ("sm-conn-team-binary-only-scoped", SM, "connection", {}, [s("airflow/connections/team_a--db", "aws://bin", kind="SecretBinary"), s("airflow/connections/db", "aws://global")], "db", "team_a", True),
    ("sm-conn-team-binary-only-scoped-no-global", SM, "connection", {}, [s("airflow/connections/team_a--db", "aws://bin", kind="SecretBinary")], "db", "team_a", True),
    ("sm-conn-team-first", SM, "connection", {}, [s("airflow/connections/team_a--db", "aws://team"), s("airflow/connections/db", "aws://global")], "db", "team_a", True),
    ("ssm-conn-team-first", SSM, "connection", {}, [s("/airflow/connections/team_a--db", "aws://team", kind="String"), s("/airflow/connections/db", "aws://global", kind="String")], "db", "team_a", True),
]


# The inputs of the amazon provider's own unit tests (apache/airflow
# providers/amazon/tests/unit/amazon/aws/secrets/test_secrets_manager.py and test_systems_manager.py),
# run through the real backends here: the answers are Airflow's, not the tests' assertions. Where a
# test mocks the client's answer (a lookup pattern), the stored item is the test file's own value under
# the name the backend reads, so that whether it is read shows. ``multi_team`` is as the test sets it
# (``-1``) and, for the Secrets Manager tests that leave it off, also on (``-2``); a test that passes a
# team with [core] multi_team off is run with it on only (``-2``): awsconn refuses a team with
# multiTeam false (root README, deviation 13), which aws_backends.json records for connections.
# (id, backend, kind, kwargs, stored, key, team, multi_team) as TEAM_CASES
AT = "airflow-test"
PATTERNS = ["test", ".*", "T.*", "dummy-pattern", None]
_ssm = {"kind": "String"}
AIRFLOW_TEST_CASES: list[tuple[str, str, str, dict[str, Any], list[dict[str, Any]], str, str | None, bool]] = [
    (f"{AT}-sm-test_get_variable-1", SM, "variable", {}, [s(V + "hello", "world")], "hello", None, False),
    (f"{AT}-sm-test_get_variable_non_existent_key-1", SM, "variable", {}, [s(V + "hello", "world")], "test_mysql", None, False),
    (f"{AT}-sm-test_get_variable_with_team_name-2", SM, "variable", {}, [s(V + "my_team--hello", "world")], "hello", "my_team", True),
    *(
        (f"{AT}-sm-test_global_caller_cannot_access_team_scoped_variable-{n}", SM, "variable", {}, [s(V + "my_team--hello", "world")], "my_team--hello", None, on)
        for n, on in ((1, False), (2, True))
    ),
    *(
        (f"{AT}-sm-test_refusing_an_ambiguous_id_is_logged-{n}", SM, "variable", {}, [], "prod--hello", None, on)
        for n, on in ((1, False), (2, True))
    ),
    (f"{AT}-sm-test_variable_prefix_none_value-1", SM, "variable", {"variables_prefix": None}, [s("hello", "world"), s(V + "hello", "world")], "hello", None, False),
    *(
        (f"{AT}-sm-test_variable_lookup_pattern-{n}", SM, "variable", {"variables_lookup_pattern": p}, [s(V + "test", "world")], "test", None, False)
        for n, p in enumerate(PATTERNS, 1)
    ),
    # ---------------------------------------------------------------- SSM
    (f"{AT}-ssm-test_get_variable-1", SSM, "variable", {}, [s(SV + "hello", "world", **_ssm)], "hello", None, False),
    (f"{AT}-ssm-test_get_variable_secret_string-1", SSM, "variable", {}, [s(SV + "hello", "world", kind="SecureString")], "hello", None, False),
    (f"{AT}-ssm-test_get_variable_non_existent_key-1", SSM, "variable", {}, [s(SV + "hello", "world", **_ssm)], "test_mysql", None, False),
    (f"{AT}-ssm-test_get_variable_with_team_name-2", SSM, "variable", {}, [s(SV + "my_team--hello", "world", **_ssm)], "hello", "my_team", True),
    (f"{AT}-ssm-test_global_caller_cannot_access_team_scoped_variable-1", SSM, "variable", {}, [s(SV + "my_team--hello", "world", **_ssm)], "my_team--hello", None, True),
    (f"{AT}-ssm-test_refusing_an_ambiguous_id_is_logged-1", SSM, "variable", {}, [], "prod--hello", None, True),
    (f"{AT}-ssm-test_variable_prefix_none_value-1", SSM, "variable", {"variables_prefix": None}, [s(SV + "hello", "world", **_ssm)], "hello", None, False),
    *(
        (f"{AT}-ssm-test_variable_lookup_pattern-{n}", SSM, "variable", {"variables_lookup_pattern": p}, [s(SV + "test", "world", **_ssm)], "test", None, False)
        for n, p in enumerate(PATTERNS, 1)
    ),
    (f"{AT}-ssm-test_variable_prefix_with_no_leading_slash-1", SSM, "variable", {"variables_prefix": "airflow/variables"}, [s(SV + "hello", "world", **_ssm)], "hello", None, False),
]


def run_case(moto: Moto, backend: str, kind: str, kwargs: dict[str, Any], stored: list[dict[str, Any]], key: str, team: str | None, on: bool) -> dict[str, Any]:
    moto.reset()
    seed(moto, backend, stored)
    cls = SecretsManagerBackend if backend == SM else SystemsManagerParameterStoreBackend
    out: dict[str, Any] = {"expected": None, "error": None}
    os.environ["AIRFLOW__CORE__MULTI_TEAM"] = "True" if on else "False"
    try:
        with LogCapture() as logs:
            try:
                instance = cls(**json.loads(json.dumps(kwargs)), endpoint_url=moto.url)
                if kind == "variable":
                    out["expected"] = instance.get_variable(key, team_name=team)
                else:
                    instance._set_connection_class(Connection)  # noqa: SLF001 - as on a worker
                    conn = instance.get_connection(key, team_name=team)
                    out["expected"] = fields_of(conn) if conn is not None else None
            except Exception as exc:  # noqa: BLE001 - recording Airflow's error is the point
                out["error"] = error_of(exc)
    finally:
        os.environ.pop("AIRFLOW__CORE__MULTI_TEAM", None)
    out["logs"] = [m.replace(moto.url, "<endpoint>") for m in logs.messages]
    return out


def main() -> None:
    plan = [(i, b, "variable", k, st, key, None, False) for i, b, k, st, key in CASES] + TEAM_CASES
    known = [p[1:] for p in plan]
    tests = [p for p in AIRFLOW_TEST_CASES if p[1:] not in known]
    print(f"airflow-test inputs: {len(tests)} added, {len(AIRFLOW_TEST_CASES) - len(tests)} already in the file", file=sys.stderr)
    sources = {p[0]: "airflow-test" for p in tests}
    plan += tests
    moto = Moto()
    try:
        cases = [
            {
                "id": case_id,
                **({"source": sources[case_id]} if case_id in sources else {}),
                "backend": backend,
                "kind": kind,
                "kwargs": kwargs,
                "stored": stored,
                "key": key,
                "team": team,
                "multi_team": on,
                **run_case(moto, backend, kind, kwargs, stored, key, team, on),
            }
            for case_id, backend, kind, kwargs, stored, key, team, on in plan
        ]
    finally:
        moto.stop()
    write_vectors("aws_variables.json", "generate_aws_variables.py", cases)


if __name__ == "__main__":
    main()
