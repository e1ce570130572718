"""Generate vectors/aws_backends.json: the amazon provider's secrets backends against moto.

Starts ``moto_server`` (from conformance/.venv) on a free 127.0.0.1 port, and for every case:
resets moto, stores the case's secrets/parameters with boto3, builds the real
``SecretsManagerBackend(**kwargs)`` / ``SystemsManagerParameterStoreBackend(**kwargs)`` with
``endpoint_url`` pointing at moto added to the case's kwargs, and records what
``get_connection(conn_id)`` returns (fields, "not found" as null, or the error). Each backend is
given the Task SDK's Connection class, as ``initialize_secrets_backends`` does on a worker, so
stored values are read with the parser a task sees (query values stay strings, ``user:@h`` keeps
``""`` as the password).
Credentials and region are dummies (set by _moto.py). moto is always stopped.
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

P = "airflow/connections/"
SP = "/airflow/connections/"

URI = "aws://AKIAIOSFODNN7EXAMPLE:wJalr%2FK7MDENG%2BbPxRfi@/?region_name=eu-west-1"


def js(obj: Any) -> str:
    return json.dumps(obj)


# (id, backend, kwargs, stored, conn_id)
CASES: list[tuple[str, str, dict[str, Any], list[dict[str, Any]], str]] = [
    # ---------------------------------------------------------------- Secrets Manager: values
    ("sm-uri", SM, {}, [s(P + "aws_default", URI)], "aws_default"),
    ("sm-uri-postgres", SM, {}, [s(P + "db", "postgresql://u:p%40ss@db.example.com:5432/app")], "db"),
    ("sm-uri-extra-json", SM, {}, [s(P + "x", "aws://?__extra__=%7B%22a%22%3A+%7B%22b%22%3A+1%7D%7D")], "x"),
    ("sm-uri-leading-space", SM, {}, [s(P + "x", "   aws://h:1/db  ")], "x"),
    ("sm-uri-invalid-port", SM, {}, [s(P + "x", "aws://h:99999")], "x"),
    (
        "sm-json-full",
        SM,
        {},
        [
            s(
                P + "x",
                js(
                    {
                        "conn_type": "postgres",
                        "login": "u",
                        "password": "p",
                        "host": "h",
                        "port": 5432,
                        "schema": "s",
                        "extra": {"sslmode": "require"},
                    }
                ),
            )
        ],
        "x",
    ),
    ("sm-json-alias-user", SM, {}, [s(P + "x", js({"user": "u1"}))], "x"),
    ("sm-json-alias-username", SM, {}, [s(P + "x", js({"username": "u2"}))], "x"),
    ("sm-json-alias-user_name", SM, {}, [s(P + "x", js({"user_name": "u3"}))], "x"),
    ("sm-json-alias-pass", SM, {}, [s(P + "x", js({"pass": "p1"}))], "x"),
    ("sm-json-alias-key", SM, {}, [s(P + "x", js({"key": "p2"}))], "x"),
    ("sm-json-alias-remote_host", SM, {}, [s(P + "x", js({"remote_host": "h1"}))], "x"),
    ("sm-json-alias-server", SM, {}, [s(P + "x", js({"server": "h2"}))], "x"),
    ("sm-json-alias-database", SM, {}, [s(P + "x", js({"database": "d1"}))], "x"),
    ("sm-json-alias-engine", SM, {}, [s(P + "x", js({"engine": "postgresql", "host": "h"}))], "x"),
    ("sm-json-alias-connection_type", SM, {}, [s(P + "x", js({"connection_type": "mysql"}))], "x"),
    ("sm-json-alias-conn_id", SM, {}, [s(P + "x", js({"conn_id": "http"}))], "x"),
    ("sm-json-alias-first-wins", SM, {}, [s(P + "x", js({"user": "first", "login": "second"}))], "x"),
    ("sm-json-alias-conn_id-before-conn_type", SM, {}, [s(P + "x", js({"conn_id": "a", "conn_type": "b"}))], "x"),
    (
        "sm-json-rds-shape",
        SM,
        {},
        [
            s(
                P + "rds",
                js(
                    {
                        "username": "admin",
                        "password": "pw",
                        "engine": "postgres",
                        "host": "db.x.rds.amazonaws.com",
                        "port": 5432,
                        "dbname": "app",
                        "dbInstanceIdentifier": "db1",
                    }
                ),
            )
        ],
        "rds",
    ),
    ("sm-json-extra-object", SM, {}, [s(P + "x", js({"conn_type": "aws", "extra": {"region_name": "eu-west-1"}}))], "x"),
    ("sm-json-extra-string", SM, {}, [s(P + "x", js({"conn_type": "aws", "extra": '{"region_name": "eu-west-1"}'}))], "x"),
    ("sm-json-extra-invalid-string", SM, {}, [s(P + "x", js({"conn_type": "aws", "extra": "{oops"}))], "x"),
    ("sm-json-description-dropped", SM, {}, [s(P + "x", js({"conn_type": "aws", "description": "d"}))], "x"),
    ("sm-json-unknown-keys-dropped", SM, {}, [s(P + "x", js({"conn_type": "aws", "region_name": "eu-west-1"}))], "x"),
    ("sm-json-port-string", SM, {}, [s(P + "x", js({"host": "h", "port": "5432"}))], "x"),
    ("sm-json-port-invalid", SM, {}, [s(P + "x", js({"host": "h", "port": "http"}))], "x"),
    ("sm-json-password-empty", SM, {}, [s(P + "x", js({"login": "u", "password": ""}))], "x"),
    ("sm-uri-query-values", SM, {}, [s(P + "x", "aws://user:@h?timeout=30&verify=false&n=null")], "x"),
    ("sm-json-uri-query-values", SM, {}, [s(P + "x", js({"uri": "aws://h?timeout=30"}))], "x"),
    ("sm-json-leading-whitespace", SM, {}, [s(P + "x", "  \n" + js({"conn_type": "aws", "login": "k"}))], "x"),
    ("sm-json-invalid", SM, {}, [s(P + "x", "{not json")], "x"),
    ("sm-json-array", SM, {}, [s(P + "x", "[1, 2]")], "x"),
    ("sm-whitespace-only", SM, {}, [s(P + "x", "   ")], "x"),
    # Python's strip() (which decides "JSON?") removes more than json.loads (which reads the unstripped secret) allows.
    ("sm-json-nel-led", SM, {}, [s(P + "x", "\x85" + js({"user": "u", "conn_type": "aws"}))], "x"),
    ("sm-json-nel-trailing", SM, {}, [s(P + "x", js({"user": "u"}) + "\x85")], "x"),
    ("sm-json-nbsp-led", SM, {}, [s(P + "x", "\xa0" + js({"user": "u"}))], "x"),
    ("sm-json-vtab-led", SM, {}, [s(P + "x", "\x0b" + js({"user": "u"}))], "x"),
    ("sm-json-separator-led", SM, {}, [s(P + "x", "\x1c" + js({"user": "u"}))], "x"),
    ("sm-uri-nel-led", SM, {}, [s(P + "x", "\x85aws://k:s@h\x85")], "x"),
    # U+FEFF is not whitespace to Python: the value is read as a URI without a scheme.
    ("sm-uri-bom-led", SM, {}, [s(P + "x", "\ufeffaws://k:s@h/db")], "x"),
    ("sm-json-bom-led", SM, {}, [s(P + "x", "\ufeff" + js({"user": "u"}))], "x"),
    # ---------------------------------------------------------------- extra_conn_words
    ("sm-words-user", SM, {"extra_conn_words": {"user": ["usr"]}}, [s(P + "x", js({"usr": "u"}))], "x"),
    (
        "sm-words-several",
        SM,
        {"extra_conn_words": {"password": ["pwd"], "host": ["endpoint"], "schema": ["dbname"], "conn_type": ["kind"]}},
        [s(P + "x", js({"pwd": "p", "endpoint": "h", "dbname": "d", "kind": "postgres"}))],
        "x",
    ),
    ("sm-words-login", SM, {"extra_conn_words": {"login": ["account"]}}, [s(P + "x", js({"account": "a"}))], "x"),
    ("sm-words-extra", SM, {"extra_conn_words": {"extra": ["options"]}}, [s(P + "x", js({"options": {"a": 1}}))], "x"),
    ("sm-words-port", SM, {"extra_conn_words": {"port": ["p"]}}, [s(P + "x", js({"host": "h", "p": 1234}))], "x"),
    ("sm-words-unknown-field", SM, {"extra_conn_words": {"bogus": ["x"]}}, [s(P + "x", js({"x": "1"}))], "x"),
    ("sm-words-uri-unaffected", SM, {"extra_conn_words": {"user": ["usr"]}}, [s(P + "x", "aws://a@h")], "x"),
    # ---------------------------------------------------------------- prefixes, sep, patterns
    ("sm-prefix-custom", SM, {"connections_prefix": "myapp/conns"}, [s("myapp/conns/x", "aws://h")], "x"),
    ("sm-prefix-trailing-sep", SM, {"connections_prefix": "airflow/connections/"}, [s(P + "x", "aws://h")], "x"),
    ("sm-prefix-trailing-seps", SM, {"connections_prefix": "airflow/connections///"}, [s(P + "x", "aws://h")], "x"),
    ("sm-prefix-leading-slash", SM, {"connections_prefix": "/airflow/connections"}, [s("/airflow/connections/x", "aws://h")], "x"),
    ("sm-prefix-empty", SM, {"connections_prefix": ""}, [s("x", "aws://bare")], "x"),
    ("sm-prefix-null", SM, {"connections_prefix": None}, [s("x", "aws://bare"), s(P + "x", "aws://h")], "x"),
    ("sm-prefix-default-not-custom", SM, {}, [s("myapp/conns/x", "aws://h")], "x"),
    ("sm-sep-colon", SM, {"connections_prefix": "airflow", "sep": ":"}, [s("airflow:x", "aws://colon")], "x"),
    ("sm-sep-dash-trailing", SM, {"connections_prefix": "airflow-conn-", "sep": "-"}, [s("airflow-conn-x", "aws://dash")], "x"),
    ("sm-sep-empty", SM, {"connections_prefix": "airflow", "sep": ""}, [s("airflowx", "aws://glued")], "x"),
    ("sm-pattern-match", SM, {"connections_lookup_pattern": "^aws"}, [s(P + "aws_default", URI)], "aws_default"),
    ("sm-pattern-no-match", SM, {"connections_lookup_pattern": "^aws"}, [s(P + "postgres_default", "postgres://h")], "postgres_default"),
    ("sm-pattern-case-insensitive", SM, {"connections_lookup_pattern": "AWS_"}, [s(P + "aws_x", "aws://h")], "aws_x"),
    ("sm-pattern-anchored-start", SM, {"connections_lookup_pattern": "default"}, [s(P + "aws_default", "aws://h")], "aws_default"),
    ("sm-pattern-search-not-fullmatch", SM, {"connections_lookup_pattern": "aws"}, [s(P + "aws_default", "aws://h")], "aws_default"),
    ("sm-pattern-empty-string", SM, {"connections_lookup_pattern": ""}, [s(P + "x", "aws://h")], "x"),
    # ---------------------------------------------------------------- storage corners
    ("sm-binary-only", SM, {}, [s(P + "x", "aws://binary", kind="SecretBinary")], "x"),
    ("sm-hierarchical-id", SM, {}, [s(P + "team/aws_default", "aws://team")], "team/aws_default"),
    ("sm-not-found", SM, {}, [s(P + "other", "aws://h")], "missing"),
    ("sm-not-found-empty-store", SM, {}, [], "aws_default"),
    ("sm-rotated", SM, {}, [s(P + "x", "aws://old"), s(P + "x", "aws://new", update=True)], "x"),
    ("sm-deleted", SM, {}, [s(P + "x", "aws://h", deleted=True)], "x"),
    ("sm-large", SM, {}, [s(P + "x", js({"conn_type": "aws", "extra": {"blob": "x" * 10000}}))], "x"),
    ("sm-unicode", SM, {}, [s(P + "x", js({"login": "\u00e9t\u00e9", "password": "\u65e5\u672c\U0001f600"}))], "x"),
    # ---------------------------------------------------------------- SSM
    ("ssm-string-uri", SSM, {}, [s(SP + "aws_default", URI, kind="String")], "aws_default"),
    ("ssm-securestring-uri", SSM, {}, [s(SP + "aws_default", URI, kind="SecureString")], "aws_default"),
    (
        "ssm-securestring-json",
        SSM,
        {},
        [s(SP + "x", js({"conn_type": "aws", "login": "k", "password": "s", "extra": {"region_name": "eu-west-1"}}), kind="SecureString")],
        "x",
    ),
    ("ssm-uri-query-values", SSM, {}, [s(SP + "x", "aws://user:@h?timeout=30&verify=false", kind="String")], "x"),
    ("ssm-json-password-empty", SSM, {}, [s(SP + "x", js({"login": "u", "password": ""}), kind="String")], "x"),
    ("ssm-json-alias-not-standardised", SSM, {}, [s(SP + "x", js({"user": "u"}), kind="String")], "x"),
    ("ssm-json-description-kept", SSM, {}, [s(SP + "x", js({"conn_type": "aws", "description": "d"}), kind="String")], "x"),
    ("ssm-stringlist", SSM, {}, [s(SP + "x", "aws://a,aws://b", kind="StringList")], "x"),
    ("ssm-prefix-no-leading-slash", SSM, {"connections_prefix": "airflow/connections"}, [s(SP + "x", "aws://h", kind="String")], "x"),
    ("ssm-prefix-trailing-slash", SSM, {"connections_prefix": "/airflow/connections/"}, [s(SP + "x", "aws://h", kind="String")], "x"),
    ("ssm-prefix-custom", SSM, {"connections_prefix": "/team-a/conns"}, [s("/team-a/conns/x", "aws://h", kind="String")], "x"),
    ("ssm-prefix-empty", SSM, {"connections_prefix": ""}, [s("/x", "aws://root", kind="String")], "x"),
    ("ssm-prefix-null", SSM, {"connections_prefix": None}, [s(SP + "x", "aws://h", kind="String")], "x"),
    ("ssm-hierarchical-id", SSM, {}, [s(SP + "team/aws_default", "aws://team", kind="String")], "team/aws_default"),
    ("ssm-pattern-match", SSM, {"connections_lookup_pattern": "^aws"}, [s(SP + "aws_x", "aws://h", kind="String")], "aws_x"),
    ("ssm-pattern-no-match", SSM, {"connections_lookup_pattern": "^aws"}, [s(SP + "pg", "postgres://h", kind="String")], "pg"),
    ("ssm-not-found", SSM, {}, [], "missing"),
    ("ssm-dotted-id", SSM, {}, [s(SP + "my.conn-1", "aws://h", kind="String")], "my.conn-1"),
    ("ssm-overwritten", SSM, {}, [s(SP + "x", "aws://old", kind="String"), s(SP + "x", "aws://new", kind="String", update=True)], "x"),
    ("ssm-json-leading-whitespace", SSM, {}, [s(SP + "x", "  " + js({"conn_type": "aws"}), kind="String")], "x"),
    ("ssm-json-invalid", SSM, {}, [s(SP + "x", "{oops", kind="String")], "x"),
    ("ssm-json-nel-led", SSM, {}, [s(SP + "x", "\x85" + js({"conn_type": "aws", "login": "k"}), kind="String")], "x"),
    ("ssm-uri-bom-led", SSM, {}, [s(SP + "x", "\ufeffaws://k:s@h/db", kind="String")], "x"),
]


# The inputs of the amazon provider's own unit tests (apache/airflow
# providers/amazon/tests/unit/amazon/aws/secrets/test_secrets_manager.py and test_systems_manager.py, and
# for full_url_mode / are_secret_values_urlencoded / extra_conn_words the earlier
# tests/providers/amazon/aws/secrets/test_secrets_manager.py), run through the real backends here: the
# answers are Airflow's, not the tests' assertions. Where a test mocks the client's answer (a lookup
# pattern, a prefix), the stored item is the test file's own URI under the name the backend reads, so
# that whether it is read shows. ``team`` and ``multi_team`` ([core] multi_team) are as the test sets
# them. (id, backend, kwargs, stored, conn_id, team, multi_team)
PG = "postgresql://airflow:airflow@host:5432/airflow"
PG_SSM = "postgres://my-login:my-pass@my-host:5432/my-schema?param1=val1&param2=val2"
PG_SSM_JSON = js(
    {
        "conn_type": "postgres",
        "login": "my-login",
        "password": "my-pass",
        "host": "my-host",
        "port": 5432,
        "schema": "my-schema",
        "extra": {"param1": "val1", "param2": "val2"},
    }
)
URLENCODED = js(
    {
        "conn_type": "postgresql",
        "login": "is%20url%20encoded",
        "password": "not url encoded",
        "host": "not%2520idempotent",
        "extra": js({"foo": "bar"}),
    }
)
BROKEN_FIELDS = '{"user": "airflow", "pass": "airflow", "host": "host", "port": 5432, "schema": "airflow", "engine": "postgresql"}'
PATTERNS = ["test", ".*", "T.*", "dummy-pattern", None]
AT = "airflow-test"
AIRFLOW_TEST_CASES: list[tuple[str, str, dict[str, Any], list[dict[str, Any]], str, str | None, bool]] = [
    (f"{AT}-sm-test_aws_secrets_manager_get_connection-1", SM, {}, [s(P + "fake_conn", "scheme://user:pass@host:100")], "fake_conn", None, False),
    (f"{AT}-sm-test_get_conn_value_full_url_mode-1", SM, {}, [s(P + "test_postgres", PG)], "test_postgres", None, False),
    (f"{AT}-sm-test_get_conn_value_non_existent_key-1", SM, {}, [s(P + "test_postgres", PG)], "test_mysql", None, False),
    (f"{AT}-sm-test_connection_prefix_none_value-1", SM, {"connections_prefix": None}, [s("test_mysql", PG), s(P + "test_mysql", PG)], "test_mysql", None, False),
    *(
        (f"{AT}-sm-test_connection_lookup_pattern-{n}", SM, {"connections_lookup_pattern": pattern}, [s(P + "test", PG)], "test", None, False)
        for n, pattern in enumerate(PATTERNS, 1)
    ),
    # Team-scoped names: the Secrets Manager tests leave [core] multi_team off; each is also run with it on.
    *(
        case
        for n, on in ((1, False), (2, True))
        for case in (
            (f"{AT}-sm-test_get_conn_value_with_team_name-{n}", SM, {}, [s(P + "my_team--test_postgres", PG)], "test_postgres", "my_team", on),
            (f"{AT}-sm-test_global_caller_cannot_access_team_scoped_connection-{n}", SM, {}, [s(P + "my_team--test_postgres", PG)], "my_team--test_postgres", None, on),
            (f"{AT}-sm-test_another_teams_secret_is_not_reachable-{n}", SM, {}, [s(P + "my_team--test_postgres", PG)], "my_team--test_postgres", "other_team", on),
            (f"{AT}-sm-test_team_whose_name_extends_the_callers_is_not_reachable-{n}", SM, {}, [s(P + "my_team--prod--test_postgres", PG)], "my_team--prod--test_postgres", "my_team", on),
            (f"{AT}-sm-test_team_scoped_lookup_cannot_reach_a_longer_teams_namespace-{n}", SM, {}, [s(P + "my_team--prod--test_postgres", PG)], "prod--test_postgres", "my_team", on),
            (f"{AT}-sm-test_refusing_an_ambiguous_id_is_logged-{n}", SM, {}, [], "prod--test_postgres", None, on),
            (f"{AT}-sm-test_team_caller_falls_back_to_global_connection-{n}", SM, {}, [s(P + "test_postgres", PG)], "test_postgres", "non_existent_team", on),
        )
    ),
    # The earlier Secrets Manager tests: kwargs the provider no longer reads itself.
    *(
        (f"{AT}-sm-test_get_connection_broken_field_mode_url_encoding-{n}", SM, {"are_secret_values_urlencoded": flag}, [s(P + "test_postgres", URLENCODED)], "test_postgres", None, False)
        for n, flag in ((1, True), (2, False))
    ),
    (
        f"{AT}-sm-test_get_connection_broken_field_mode_extra_allows_nested_json-1",
        SM,
        {"full_url_mode": False},
        [s(P + "test_postgres", js({"conn_type": "postgresql", "user": "airflow", "password": "airflow", "host": "airflow", "extra": {"foo": "bar"}}))],
        "test_postgres",
        None,
        False,
    ),
    (f"{AT}-sm-test_get_conn_value_broken_field_mode-1", SM, {"full_url_mode": False}, [s(P + "test_postgres", BROKEN_FIELDS)], "test_postgres", None, False),
    (
        f"{AT}-sm-test_get_conn_value_broken_field_mode_extra_words_added-1",
        SM,
        {"full_url_mode": False, "extra_conn_words": {"user": ["usuario"]}},
        [s(P + "test_postgres", BROKEN_FIELDS.replace('"user"', '"usuario"'))],
        "test_postgres",
        None,
        False,
    ),
    # ---------------------------------------------------------------- SSM
    (f"{AT}-ssm-test_aws_ssm_get_connection-1", SSM, {}, [s(SP + "fake_conn", "scheme://user:pass@host:100", kind="String")], "fake_conn", None, False),
    (f"{AT}-ssm-test_get_conn_value-1", SSM, {}, [s(SP + "test_postgres", PG_SSM_JSON, kind="String")], "test_postgres", None, False),
    (f"{AT}-ssm-test_get_conn_value-2", SSM, {}, [s(SP + "test_postgres", PG_SSM, kind="String")], "test_postgres", None, False),
    # The earlier test_get_conn_value (tests/providers/amazon/aws/secrets/test_systems_manager.py).
    (f"{AT}-ssm-test_get_conn_value-3", SSM, {}, [s(SP + "test_postgres", PG, kind="String")], "test_postgres", None, False),
    (f"{AT}-ssm-test_get_conn_value_non_existent_key-1", SSM, {}, [s(SP + "test_postgres", PG, kind="String")], "test_mysql", None, False),
    (f"{AT}-ssm-test_get_conn_value_with_team_name-1", SSM, {}, [s(SP + "my_team--test_postgres", PG, kind="String")], "test_postgres", "my_team", False),
    (f"{AT}-ssm-test_get_conn_value_with_team_name-2", SSM, {}, [s(SP + "my_team--test_postgres", PG, kind="String")], "test_postgres", "my_team", True),
    (f"{AT}-ssm-test_global_caller_cannot_access_team_scoped_connection-1", SSM, {}, [s(SP + "my_team--test_postgres", PG, kind="String")], "my_team--test_postgres", None, True),
    (f"{AT}-ssm-test_another_teams_secret_is_not_reachable-1", SSM, {}, [s(SP + "my_team--test_postgres", PG, kind="String")], "my_team--test_postgres", "other_team", True),
    (f"{AT}-ssm-test_team_whose_name_extends_the_callers_is_not_reachable-1", SSM, {}, [s(SP + "my_team--prod--test_postgres", PG, kind="String")], "my_team--prod--test_postgres", "my_team", True),
    (f"{AT}-ssm-test_team_scoped_lookup_cannot_reach_a_longer_teams_namespace-1", SSM, {}, [s(SP + "my_team--prod--test_postgres", PG, kind="String")], "prod--test_postgres", "my_team", True),
    (f"{AT}-ssm-test_refusing_an_ambiguous_id_is_logged-1", SSM, {}, [], "prod--test_postgres", None, True),
    (f"{AT}-ssm-test_ambiguous_id_resolves_when_multi_team_is_disabled-1", SSM, {}, [s(SP + "prod--test_postgres", PG, kind="String")], "prod--test_postgres", None, False),
    (f"{AT}-ssm-test_team_caller_falls_back_to_global_connection-1", SSM, {}, [s(SP + "test_postgres", PG, kind="String")], "test_postgres", "non_existent_team", False),
    (f"{AT}-ssm-test_team_caller_falls_back_to_global_connection-2", SSM, {}, [s(SP + "test_postgres", PG, kind="String")], "test_postgres", "non_existent_team", True),
    (f"{AT}-ssm-test_connection_prefix_none_value-1", SSM, {"connections_prefix": None}, [s(SP + "test_mysql", PG, kind="String")], "test_mysql", None, False),
    *(
        (f"{AT}-ssm-test_connection_lookup_pattern-{n}", SSM, {"connections_lookup_pattern": pattern}, [s(SP + "test", PG, kind="String")], "test", None, False)
        for n, pattern in enumerate(PATTERNS, 1)
    ),
    (f"{AT}-ssm-test_connection_prefix_with_no_leading_slash-1", SSM, {"connections_prefix": "airflow/connections"}, [s(SP + "test_mysql", PG, kind="String")], "test_mysql", None, False),
]


def run_case(
    moto: Moto,
    backend: str,
    kwargs: dict[str, Any],
    stored: list[dict[str, Any]],
    conn_id: str,
    team: tuple[str | None, bool] | None = None,
) -> dict[str, Any]:
    """One lookup; ``team`` (the team name and [core] multi_team) for the cases that set them."""
    moto.reset()
    seed(moto, backend, stored)
    cls = SecretsManagerBackend if backend == SM else SystemsManagerParameterStoreBackend
    out: dict[str, Any] = {"expected": None, "error": None}
    if team is not None:
        os.environ["AIRFLOW__CORE__MULTI_TEAM"] = "True" if team[1] else "False"
    try:
        with LogCapture() as logs:
            try:
                instance = cls(**json.loads(json.dumps(kwargs)), endpoint_url=moto.url)
                instance._set_connection_class(Connection)  # noqa: SLF001 - what a worker's initialize_secrets_backends() does
                conn = instance.get_connection(conn_id) if team is None else instance.get_connection(conn_id, team_name=team[0])
                out["expected"] = fields_of(conn) if conn is not None else None
            except Exception as exc:  # noqa: BLE001 - recording Airflow's error is the point
                out["error"] = error_of(exc)
    finally:
        os.environ.pop("AIRFLOW__CORE__MULTI_TEAM", None)
    out["logs"] = [m.replace(moto.url, "<endpoint>") for m in logs.messages]
    return out


def airflow_test_cases(moto: Moto) -> list[dict[str, Any]]:
    """The unit-test inputs not already in CASES (same backend, kwargs, stored items and id, no team)."""
    known = [(b, k, st, i) for _, b, k, st, i in CASES]
    cases, skipped = [], 0
    for case_id, backend, kwargs, stored, conn_id, team, on in AIRFLOW_TEST_CASES:
        if team is None and not on and (backend, kwargs, stored, conn_id) in known:
            skipped += 1
            continue
        cases.append(
            {
                "id": case_id,
                "source": "airflow-test",
                "backend": backend,
                "kwargs": kwargs,
                "stored": stored,
                "conn_id": conn_id,
                "team": team,
                "multi_team": on,
                **run_case(moto, backend, kwargs, stored, conn_id, (team, on)),
            }
        )
    print(f"airflow-test inputs: {len(cases)} added, {skipped} already in CASES", file=sys.stderr)
    return cases


def main() -> None:
    moto = Moto()
    try:
        cases = [
            {
                "id": case_id,
                "backend": backend,
                "kwargs": kwargs,
                "stored": stored,
                "conn_id": conn_id,
                **run_case(moto, backend, kwargs, stored, conn_id),
            }
            for case_id, backend, kwargs, stored, conn_id in CASES
        ]
        cases += airflow_test_cases(moto)
    finally:
        moto.stop()
    write_vectors("aws_backends.json", "generate_aws_backends.py", cases)


if __name__ == "__main__":
    main()
