"""Generate vectors/uri.json and vectors/json.json from Airflow's own Connection model.

uri.json:  Connection(conn_id=..., uri=...)           -> fields, get_uri(), or the error
json.json: Connection.from_json(text, conn_id=...)     -> fields, get_uri(), or the error

Run with conformance/.venv/bin/python (see refresh.sh).
"""

from __future__ import annotations

import json
import string
import sys
from typing import Any
from urllib.parse import quote

from _common import LogCapture, error_of, fields_of, write_vectors

from airflow.models import Connection

# ---------------------------------------------------------------------------------------------
# URIs taken from Airflow's own tests of the Connection model
# (airflow-core/tests/unit/models/test_connection.py and
#  airflow-core/tests/unit/always/test_connection.py), as data only.
AIRFLOW_TEST_URIS: list[str] = [
    "type://user:pass@host:100/schema",
    "type://user:pass@host/schema",
    "type://user:pass@host/schema?param1=val1&param2=val2",
    "type://host",
    "spark://mysparkcluster.com:80?deploy-mode=cluster&spark_binary=command&namespace=kube+namespace",
    "spark://k8s://100.68.0.1:443?deploy-mode=cluster",
    "type://protocol://user:pass@host:123?param=value",
    "type://user:pass@protocol://host:port?param=value",
    "scheme://user:password@host%2Flocation:1234/schema",
    "scheme://user:password@host%2Flocation:1234/schema?extra1=a%20value&extra2=%2Fpath%2F",
    "scheme://user:password@host%2Flocation:1234/schema?__extra__=%7B%22my_val%22%3A+%5B%22list%22%2C+%22of"
    "%22%2C+%22values%22%5D%2C+%22extra%22%3A+%7B%22nested%22%3A+%7B%22json%22%3A+%22val%22%7D%7D%7D",
    "scheme://user:password@host%2Flocation:1234/schema?extra1=a%20value&extra2=",
    "scheme://user:password@host%2Flocation%3Ax%3Ay:1234/schema?extra1=a%20value&extra2=%2Fpath%2F",
    "scheme://user:password%20with%20space@host%2Flocation%3Ax%3Ay:1234/schema",
    "scheme://domain%2Fuser:password@host%2Flocation%3Ax%3Ay:1234/schema",
    "scheme://user:password%20with%20space@host:1234/schema%2Ftest",
    "scheme://user:password%20with%20space@host:1234",
    "google-cloud-platform://?key_path=%2Fkeys%2Fkey.json&scope="
    "https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fcloud-platform&project=airflow",
    "scheme://host:1234",
    "scheme://%2FTmP%2F:1234",
    "scheme:///airflow",
    "scheme://@:1234",
    "scheme://:password%2F%21%40%23%24%25%5E%26%2A%28%29%7B%7D@",
    "scheme://login%2F%21%40%23%24%25%5E%26%2A%28%29%7B%7D@",
    "http://:password@host:80/database",
    "http://user:@host:80/database",
    "http://user:password@/database",
    "http://user:password@host:80/",
    "http://user:password@/",
    "postgresql://user:password@%2Ftmp%2Fz6rqdzqh%2Fexample%3Awest1%3Atestdb/testdb",
    "postgresql://user@%2Ftmp%2Fz6rqdzqh%2Fexample%3Aeurope-west1%3Atestdb/testdb",
    "postgresql://%2Ftmp%2Fz6rqdzqh%2Fexample%3Aeurope-west1%3Atestdb",
    "spark://k8s%3a%2F%2F100.68.0.1:443?deploy-mode=cluster",
    "spark://user:password@k8s%3a%2F%2F100.68.0.1:443?deploy-mode=cluster",
    "spark://user@k8s%3a%2F%2F100.68.0.1:443?deploy-mode=cluster",
    "spark://k8s%3a%2F%2Fno.port.com?deploy-mode=cluster",
    "postgresql://username:password%21@ec2.compute.com:5432/the_database",
    "postgresql://ec2.compute.com/the_database",
    "postgresql://username:password@ec2.compute.com:5432/the_database",
    "mysql://",
    "aws://",
    "sqlite://",
    "unknown://",
    "grpc://",
    "//abc",
]

# More URIs from Airflow's own tests, named by the test they come from (case id
# airflow-test-<sdk|core>-<test>-<n>): the Task SDK's Connection
# (task-sdk/tests/task_sdk/definitions/test_connection.py and test_connections.py) and the values
# the core secrets tests give Connection(uri=...) or the environment backend
# (airflow-core/tests/unit/always/test_secrets.py and test_secrets_backends.py). An input the
# corpus already holds is not repeated (uri_cases() checks; test_from_uri_too_many_schemes_error's
# "http://https://ftp://example.com" is proto-three).
AIRFLOW_NAMED_TEST_URIS: list[tuple[str, str]] = [
    ("sdk-from_uri_basic", "postgres://user:pass@host:5432/db"),
    ("sdk-from_uri_with_query_params", "mysql://user:pass@host:3306/db?charset=utf8&timeout=30"),
    (
        "sdk-from_uri_with_extra_key",
        'postgres://user:pass@host:5432/db?__extra__={"ssl_mode": "require", "connect_timeout": 10}',
    ),
    ("sdk-from_uri_with_protocol_in_host", "http://https://example.com:8080/path"),
    ("sdk-from_uri_encoded_credentials", "postgres://user%40domain:pass%21word@host:5432/db"),
    ("sdk-from_uri_minimal", "redis://"),
    ("sdk-from_uri_conn_type_normalization", "postgresql://user:pass@host:5432/db"),
    ("sdk-from_uri_conn_type_normalization", "google-cloud-platform://user:pass@host/db"),
    ("sdk-from_uri_too_many_schemes_error", "http://https://ftp://example.com"),
    ("sdk-from_uri_invalid_protocol_host_error", "http://user@host://example.com"),
    ("sdk-from_uri_roundtrip", "postgres://user:pass@host:5432/db?param1=value1&param2=value2"),
    ("sdk-get_connection_secrets_backend", "mysql://host_a"),
    ("core-backend_fallback_to_env_var", "mysql://airflow:airflow@host:5432/airflow"),
    (
        "core-connection_env_secrets_backend",
        "mysql://user:pw@host_A.com/schema?extra1=val%2B1&extra2=val%2B2",
    ),
    ("core-connection_env_secrets_backend_allows_legacy_invalid_port", "mysql://host:0/"),
]

# Hand-picked edge cases (the brief's list plus Python urlsplit/parse_qsl corners).
HANDWRITTEN_URIS: list[tuple[str, str]] = [
    # empty parts
    ("empty-aws", "aws://"),
    ("empty-at-slash", "aws://@/"),
    ("empty-colon-at", "aws://:@"),
    ("empty-user-at", "aws://user@"),
    ("empty-colon-pass-host", "aws://:pass@host"),
    ("empty-user-colon", "aws://user:@host"),
    ("empty-user-colon-only", "aws://user:"),
    ("empty-at-only-host", "aws://@host"),
    ("empty-slash-only", "aws:///"),
    ("empty-double-slash-schema", "aws:////db"),
    ("empty-query-only", "aws://?"),
    ("empty-query-amp", "aws://?&"),
    ("empty-query-eq", "aws://?="),
    ("empty-fragment", "aws://host#frag"),
    ("empty-fragment-in-password", "aws://user:pa#ss@host"),
    ("empty-scheme-relative", "//user:pass@host:1/db"),
    ("empty-nothing", "host-without-scheme"),
    ("empty-scheme-only", "aws:"),
    ("empty-scheme-single-slash", "aws:/host"),
    # protocol in host
    ("proto-spark-encoded", "spark://k8s%3a%2F%2F100.68.0.1:443"),
    ("proto-spark-encoded-upper", "spark://k8s%3A%2F%2F100.68.0.1:443"),
    ("proto-http-https", "http://https://example.com"),
    ("proto-http-https-path", "http://https://example.com/path?x=1"),
    ("proto-http-http", "http://http://example.com"),
    ("proto-http-https-user", "http://https://user:pass@example.com:8443/db"),
    ("proto-three", "http://https://ftp://example.com"),
    ("proto-user-before-protocol", "http://user@https://example.com"),
    ("proto-port-before-protocol", "http://host:1://example.com"),
    ("proto-in-query", "aws://host?next=http://x"),
    ("proto-in-query-two", "aws://host?a=http://x&b=https://y"),
    ("proto-in-password-encoded", "aws://user:http%3A%2F%2Fx@host"),
    ("proto-upper-scheme", "AWS://Host:1/DB"),
    ("proto-upper-scheme-with-protocol", "HTTP://https://Example.com"),
    ("proto-mixed-scheme", "Aws://user:pass@host"),
    # ports
    ("port-0", "aws://host:0"),
    ("port-1", "aws://host:1"),
    ("port-65535", "aws://host:65535"),
    ("port-65536", "aws://host:65536"),
    ("port-99999", "aws://host:99999"),
    ("port-minus-1", "aws://host:-1"),
    ("port-abc", "aws://host:abc"),
    ("port-empty", "aws://host:"),
    ("port-empty-with-schema", "aws://host:/db"),
    ("port-leading-zeros", "aws://host:00080"),
    ("port-plus", "aws://host:+80"),
    ("port-space", "aws://host: 80"),
    ("port-float", "aws://host:80.5"),
    ("port-huge", "aws://host:123456789012345678901234567890"),
    ("port-fullwidth-digit", "aws://host:\uff18\uff10"),
    ("port-arabic-digit", "aws://host:\u0668\u0660"),
    ("port-double-colon", "aws://host:80:90"),
    ("port-only-no-at", "aws://:5432"),
    ("port-zero-get-uri-drops", "aws://user@host:0/db"),
    # + / %2B / %20
    ("plus-query-value", "aws://host?k=a+b"),
    ("plus-encoded-query-value", "aws://host?k=a%2Bb"),
    ("space-encoded-query-value", "aws://host?k=a%20b"),
    ("plus-query-key", "aws://host?a+b=v"),
    ("plus-encoded-query-key", "aws://host?a%2Bb=v"),
    ("plus-login", "aws://a+b:pw@host"),
    ("plus-encoded-login", "aws://a%2Bb:pw@host"),
    ("space-encoded-login", "aws://a%20b:pw@host"),
    ("plus-password", "aws://user:a+b@host"),
    ("plus-encoded-password", "aws://user:a%2Bb@host"),
    ("space-encoded-password", "aws://user:a%20b@host"),
    ("plus-host", "aws://a+b"),
    ("plus-encoded-host", "aws://a%2Bb"),
    ("space-encoded-host", "aws://a%20b"),
    ("plus-schema", "aws://host/a+b"),
    ("plus-encoded-schema", "aws://host/a%2Bb"),
    ("space-encoded-schema", "aws://host/a%20b"),
    # query keys
    ("query-repeated", "aws://host?a=1&a=2"),
    ("query-repeated-three", "aws://host?a=x&b=y&a=z"),
    ("query-blank-value", "aws://host?a="),
    ("query-no-equals", "aws://host?a"),
    ("query-blank-key", "aws://host?=v"),
    ("query-blank-key-and-value", "aws://host?=&a=1"),
    ("query-double-amp", "aws://host?a=1&&b=2"),
    ("query-semicolon", "aws://host?a=1;b=2"),
    ("query-equals-in-value", "aws://host?a=b=c"),
    ("query-json-number", "aws://host?a=1"),
    ("query-json-float", "aws://host?a=1.5"),
    ("query-json-exp", "aws://host?a=1e3"),
    ("query-json-true", "aws://host?a=true"),
    ("query-json-false", "aws://host?a=false"),
    ("query-json-null", "aws://host?a=null"),
    ("query-json-True-python", "aws://host?a=True"),
    ("query-json-string", "aws://host?a=%22quoted%22"),
    ("query-json-object", "aws://host?a=%7B%22b%22%3A1%7D"),
    ("query-json-array", "aws://host?a=%5B1%2C2%5D"),
    # (a=NaN / a=Infinity become Python floats that JSON cannot carry; left out on purpose)
    ("query-json-minus-zero", "aws://host?a=-0"),
    ("query-json-big-int", "aws://host?a=12345678901234567890123"),
    ("query-json-leading-zero", "aws://host?a=007"),
    ("query-json-space-number", "aws://host?a=+1"),
    ("query-region", "aws://?region_name=eu-west-1&endpoint_url=http%3A%2F%2Flocalhost%3A4566"),
    ("query-percent-invalid", "aws://host?a=%zz"),
    ("query-percent-truncated", "aws://host?a=%2"),
    ("query-percent-utf8-invalid", "aws://host?a=%ff"),
    ("query-unicode-raw", "aws://host?k=\u00e9\u65e5"),
    # __extra__
    ("extra-nested", "aws://host?__extra__=%7B%22a%22%3A+%7B%22b%22%3A+%5B1%2C+2%5D%7D%7D"),
    ("extra-flat", "aws://host?__extra__=%7B%22region_name%22%3A+%22eu-west-1%22%7D"),
    ("extra-invalid-json", "aws://host?__extra__=%7Bnot+json"),
    ("extra-plain-string", "aws://host?__extra__=hello"),
    ("extra-json-string", "aws://host?__extra__=%22hello%22"),
    ("extra-json-array", "aws://host?__extra__=%5B1%2C2%5D"),
    ("extra-json-number", "aws://host?__extra__=42"),
    ("extra-json-null", "aws://host?__extra__=null"),
    ("extra-empty", "aws://host?__extra__="),
    ("extra-empty-object", "aws://host?__extra__=%7B%7D"),
    ("extra-with-other-keys-before", "aws://host?a=1&__extra__=%7B%22b%22%3A+2%7D"),
    ("extra-with-other-keys-after", "aws://host?__extra__=%7B%22b%22%3A+2%7D&a=1"),
    ("extra-repeated", "aws://host?__extra__=%7B%22a%22%3A1%7D&__extra__=%7B%22b%22%3A2%7D"),
    ("extra-non-string-values", "aws://host?__extra__=%7B%22n%22%3A1%2C%22t%22%3Atrue%2C%22z%22%3Anull%7D"),
    ("extra-unicode", "aws://host?__extra__=%7B%22k%22%3A+%22%C3%A9%E6%97%A5%22%7D"),
    ("extra-duplicate-json-keys", "aws://host?__extra__=%7B%22a%22%3A1%2C%22a%22%3A2%7D"),
    ("extra-key-upper", "aws://host?__EXTRA__=%7B%22a%22%3A1%7D"),
    # conn types
    ("type-dash", "google-cloud-platform://host"),
    ("type-double-dash", "a--b://host"),
    ("type-underscore", "google_cloud_platform://host"),
    ("type-postgresql", "postgresql://u:p@h:5432/d"),
    ("type-postgres", "postgres://u:p@h:5432/d"),
    ("type-postgresql-upper", "POSTGRESQL://h"),
    ("type-plus", "db+driver://host"),
    ("type-dot", "a.b://host"),
    ("type-digit-first", "1aws://host"),
    ("type-digits", "s3v4://host"),
    ("type-postgresql-dash", "postgresql-x://host"),
    ("type-unicode", "\u00e9t\u00e9://host"),
    # hosts
    ("host-upper", "aws://MyHost.Example.COM"),
    ("host-upper-with-slash", "aws://My%2FHost"),
    ("host-slash-upper-user", "aws://User:Pass@My%2FHost:99/Db"),
    ("host-ipv4", "aws://127.0.0.1:4566"),
    ("host-ipv6", "aws://[::1]:4566/db"),
    ("host-ipv6-upper", "aws://[FE80::1]"),
    ("host-ipv6-unclosed", "aws://[::1"),
    ("host-ipv6-bad", "aws://[not-ipv6]"),
    ("host-ipv6-zone", "aws://[fe80::1%25eth0]:1"),
    ("host-bracket-close-only", "aws://host]"),
    ("host-encoded-at", "aws://user@a%40b"),
    ("host-two-at", "aws://a@b@host"),
    ("host-encoded-colon", "aws://a%3Ab:1"),
    ("host-localstack", "aws://key:secret@localhost.localstack.cloud:4566"),
    ("host-percent-in-hostname-upper", "aws://%41BC"),
    ("host-unicode", "aws://\u00e9xample.com"),
    ("host-nfkc-invalid", "aws://user@ex\uff0fample"),
    ("host-space", "aws://a b"),
    ("host-trailing-dot", "aws://host."),
    # whitespace / control characters (urlsplit strips and removes some)
    ("ws-leading-space", " aws://host"),
    ("ws-trailing-space", "aws://host "),
    ("ws-tab-inside", "aws://ho\tst"),
    ("ws-newline-inside", "aws://ho\nst"),
    ("ws-cr-in-password", "aws://u:p\rw@host"),
    ("ws-nul", "aws://ho\x00st"),
    # credentials / misc
    ("cred-aws-keys", "aws://AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI%2FK7MDENG%2FbPxRfiCYEXAMPLEKEY@"),
    ("cred-aws-keys-region", "aws://AKIA:SECRET%2Bx@/?region_name=us-east-1"),
    ("cred-colon-in-password", "aws://user:a:b@host"),
    ("cred-encoded-colon-in-login", "aws://a%3Ab:pw@host"),
    ("cred-slash-in-password", "aws://user:a/b@host"),
    ("cred-question-in-password", "aws://user:a?b@host"),
    ("schema-multi-segment", "aws://host/a/b/c"),
    ("schema-trailing-slash", "aws://host/db/"),
    ("schema-encoded-percent", "aws://host/100%25"),
    ("schema-dot-segments", "aws://host/../x"),
    ("long-password", "aws://user:" + "x" * 300 + "@host"),
]

CONN_ID_CASES: list[tuple[str, str, str]] = [
    ("connid-valid-symbols", "a_valid_conn_id_!!##", "aws://host"),
    ("connid-dashes", "a_-.11", "aws://host"),
    ("connid-script", "<script>alert(1)</script>", "aws://host"),
    ("connid-space", "aws default", "aws://host"),
    ("connid-slash", "team/aws_default", "aws://host"),
    ("connid-backslash", "team\\aws", "aws://host"),
    ("connid-unicode", "\u00e9t\u00e9_\u65e5\u672c", "aws://host"),
    ("connid-250", "a" * 250, "aws://host"),
    ("connid-251", "a" * 251, "aws://host"),
    ("connid-empty", "", "aws://host"),
    ("connid-trailing-newline", "aws\n", "aws://host"),
    ("connid-invalid-with-bad-extra", "bad id", "aws://host?__extra__=oops"),
]

NON_ASCII = ["\u00e9", "\u65e5\u672c", "\U0001f600"]


def run_uri(conn_id: str, uri: str) -> dict[str, Any]:
    out: dict[str, Any] = {"expected": None, "get_uri": None, "get_uri_error": None, "error": None}
    with LogCapture() as logs:
        try:
            conn = Connection(conn_id=conn_id, uri=uri)
            out["expected"] = fields_of(conn)
        except Exception as exc:  # noqa: BLE001 - recording Airflow's error is the point
            out["error"] = error_of(exc)
        else:
            try:
                out["get_uri"] = conn.get_uri()
            except Exception as exc:  # noqa: BLE001
                out["get_uri_error"] = error_of(exc)
    out["logs"] = logs.messages
    return out


def uri_cases() -> list[dict[str, Any]]:
    # Every input is listed first (in the file's order) so that a named test URI the corpus holds
    # anyway can be left out; then each runs.
    planned: list[tuple[str, str, str, str]] = []

    def add(case_id: str, source: str, uri: str, conn_id: str = "test_conn") -> None:
        planned.append((case_id, source, uri, conn_id))

    seen: set[str] = set()
    for i, uri in enumerate(AIRFLOW_TEST_URIS):
        if uri in seen:
            continue
        seen.add(uri)
        add(f"airflow-test-{i:03d}", "airflow-test", uri)
    named_at = len(planned)
    named: list[tuple[str, str, str, str]] = []
    counts: dict[str, int] = {}
    for test, uri in AIRFLOW_NAMED_TEST_URIS:
        counts[test] = counts.get(test, 0) + 1
        named.append((f"airflow-test-{test}-{counts[test]}", "airflow-test", uri, "test_conn"))

    for case_id, uri in HANDWRITTEN_URIS:
        add(case_id, "generated", uri)
    for case_id, conn_id, uri in CONN_ID_CASES:
        add(case_id, "generated", uri, conn_id)

    templates = {
        "login": "aws://{v}:pw@host:5432/db",
        "password": "aws://user:{v}@host:5432/db",
        "host": "aws://user:pw@{v}:5432/db",
        "schema": "aws://user:pw@host:5432/{v}",
        "query-key": "aws://user:pw@host:5432/db?{v}=val",
        "query-value": "aws://user:pw@host:5432/db?key={v}",
    }
    chars = [chr(c) for c in range(0x20, 0x7F)] + NON_ASCII
    for part, template in templates.items():
        for ch in chars:
            value = f"a{ch}b"
            label = f"{ord(ch[0]):04x}" if len(ch) == 1 else "-".join(f"{ord(x):04x}" for x in ch)
            raw = template.format(v=value)
            add(f"char-{part}-raw-{label}", "generated", raw)
            encoded = template.format(v=quote(value, safe=""))
            if encoded != raw:
                add(f"char-{part}-enc-{label}", "generated", encoded)

    have = {(conn_id, uri) for _, _, uri, conn_id in planned}
    fresh = []
    for entry in named:
        key = (entry[3], entry[2])
        if key not in have:
            have.add(key)
            fresh.append(entry)
    print(f"uri: {len(fresh)} named Airflow-test URIs, {len(named) - len(fresh)} already in the corpus", file=sys.stderr)
    planned[named_at:named_at] = fresh
    return [
        {"id": case_id, "source": source, "conn_id": conn_id, "uri": uri, **run_uri(conn_id, uri)}
        for case_id, source, uri, conn_id in planned
    ]


# ---------------------------------------------------------------------------------------------
def js(obj: Any) -> str:
    return json.dumps(obj)


JSON_CASES: list[tuple[str, str]] = [
    # from Airflow's tests (test_from_json_*)
    ("airflow-extra-null", '{"extra": null}'),
    ("airflow-extra-object", '{"extra": {"yo": "hi"}}'),
    ("airflow-extra-string", '{"extra": "{\\"yo\\": \\"hi\\"}"}'),
    ("airflow-type-abc-abc", '{"conn_type": "abc-abc"}'),
    ("airflow-type-abc_abc", '{"conn_type": "abc_abc"}'),
    ("airflow-type-postgresql", '{"conn_type": "postgresql"}'),
    ("airflow-port-1", '{"port": 1}'),
    ("airflow-port-string-1", '{"port": "1"}'),
    ("airflow-port-null", '{"port": null}'),
    ("airflow-password-special", js({"password": 'pass :/!@#$%^&*(){}"'})),
    ("airflow-password-null", js({"password": None})),
    ("airflow-password-empty", js({"password": ""})),
    ("airflow-as-json-empty", "{}"),
    ("airflow-as-json-host", '{"host": "apache.org"}'),
    ("airflow-as-json-some", '{"conn_type": "foo", "login": "", "password": "p@$$"}'),
    (
        "airflow-as-json-all",
        js(
            {
                "conn_type": "bar",
                "description": "Sample Description",
                "host": "example.org",
                "login": "user",
                "password": "p@$$",
                "schema": "schema",
                "port": 777,
                "extra": {"foo": "bar", "answer": 42},
            }
        ),
    ),
    ("airflow-as-json-uri", '{"conn_type": "aws", "host": "", "schema": ""}'),
    # the usual aws shapes
    ("aws-keys", js({"conn_type": "aws", "login": "AKIA", "password": "SECRET"})),
    ("aws-extra-region", js({"conn_type": "aws", "extra": {"region_name": "eu-west-1"}})),
    (
        "aws-full",
        js(
            {
                "conn_type": "aws",
                "login": "AKIA",
                "password": "s/e+c=r%et",
                "extra": {"role_arn": "arn:aws:iam::123456789012:role/x", "region_name": "us-east-1"},
            }
        ),
    ),
    ("whitespace-around", '  \n {"conn_type": "aws"} \n'),
    ("duplicate-keys", '{"host": "a", "host": "b"}'),
    ("bom", "\ufeff{}"),
]

_PARAMS = {"param1": "val1", "param2": "val2"}


def _core_kwargs(host: str, credentials: bool) -> str:
    """One of the connections of the core test_get_uri (test_sanitize_conn_id reuses them), keys in its order."""
    login = {"login": "user", "password": "pass"} if credentials else {}
    return js({"conn_type": "type", **login, "host": host, "port": 100, "schema": "schema", "extra": _PARAMS})


_CORE_FULL = _core_kwargs("host", True)
_CORE_PROTOCOL_HOST = _core_kwargs("protocol://host", False)
_CORE_FULL_PROTOCOL_HOST = _core_kwargs("protocol://host", True)

# JSON texts from Airflow's own tests, named by the test (case id airflow-test-<sdk|core>-<test>-<n>,
# source "airflow-test"): (test, conn_id, text). The texts of from_json calls as written there, and
# the fields of the connections whose parsing or output (get_uri, to_dict, as_json, extra_dejson,
# port checks, conn id sanitising) a test checks, given as the JSON object of those keyword
# arguments (``Connection(**kwargs)`` is what from_json builds too). Connections that only stand in
# for a mocked lookup or hook are left out. Sources: task-sdk/tests/task_sdk/definitions/
# test_connection.py and airflow-core/tests/unit/models/test_connection.py.
AIRFLOW_NAMED_TEST_JSON: list[tuple[str, str | None, str]] = [
    (
        "sdk-get_uri",
        "test_conn",
        js(
            {
                "conn_type": "mysql",
                "host": "localhost",
                "login": "user",
                "password": "password",
                "schema": "test_schema",
                "port": 3306,
                "extra": None,
            }
        ),
    ),
    (
        "sdk-to_dict",
        "test_conn",
        js(
            {
                "conn_type": "http",
                "login": "user",
                "password": "pass",
                "host": "https://api.example.com/",
                "port": 443,
                "schema": "https",
                "extra": '{"timeout": 30, "verify": false}',
            }
        ),
    ),
    ("sdk-as_json", "test_conn", js({"conn_type": "postgres", "host": "localhost", "port": 5432})),
    ("sdk-from_json", "test_conn", js({"conn_type": "postgresql", "host": "localhost", "port": "5432"})),
    *(("sdk-from_json_port_boundaries", "test_conn", js({"port": p})) for p in (0, "0", 65535, "")),
    *(("sdk-from_json_rejects_invalid_port", "test_conn", js({"port": p})) for p in (-1, 65536, 1.5, "1.5")),
    *(
        ("sdk-direct_constructor_allows_valid_port_boundaries", "test_conn", js({"conn_type": "http", "port": p}))
        for p in (0, 65535, None)
    ),
    *(
        ("sdk-direct_constructor_rejects_invalid_port_values", "test_conn", js({"conn_type": "http", "port": p}))
        for p in (-1, 65536, "123", 1.5, "")
    ),
    (
        "sdk-from_json_without_conn_type",
        "test_conn",
        js(
            {
                "host": "mydb.example.com",
                "port": "5432",
                "login": "admin",
                "password": "secret",
                "schema": "production",
            }
        ),
    ),
    *(
        ("sdk-extra_dejson_property", "test_conn", js({"conn_type": "http", "extra": extra}))
        for extra in (
            '{"timeout": 30, "verify": false, "retries": 3}',
            None,
            '{"auth": {"type": "oauth"}, "headers": {"User-Agent": "Airflow"}}',
        )
    ),
    ("core-get_uri", None, _CORE_FULL),
    ("core-get_uri", None, _CORE_PROTOCOL_HOST),
    ("core-get_uri", None, _CORE_FULL_PROTOCOL_HOST),
    ("core-sanitize_conn_id", "12312312312213___12312321", _CORE_FULL),
    ("core-sanitize_conn_id", "<script>alert(1)</script>", _CORE_PROTOCOL_HOST),
    ("core-sanitize_conn_id", "a_valid_conn_id_!!##", _CORE_FULL_PROTOCOL_HOST),
    ("core-sanitize_conn_id", "a_-.11", _CORE_FULL_PROTOCOL_HOST),
    # test_connection_uri_recovery's two connections are field-host-same-protocol and
    # field-host-with-protocol already (conn id "test" there; it changes nothing).
    (
        "core-extra_dejson",
        "pokeapi",
        js(
            {
                "conn_type": "http",
                "login": "user",
                "password": "pass",
                "host": "https://pokeapi.co/",
                "port": 100,
                "schema": "https",
                "extra": '{"trust_env": false, "verify": false, "stream": true, "headers":'
                '{\r\n "Content-Type": "application/json",\r\n  "X-Requested-By": "Airflow"\r\n}}',
            }
        ),
    ),
]

PORT_VALUES: list[tuple[str, Any]] = [
    ("0", 0),
    ("1", 1),
    ("65535", 65535),
    ("65536", 65536),
    ("minus-1", -1),
    ("huge", 10**20),
    ("float", 5432.0),
    ("float-frac", 5432.7),
    ("float-zero", 0.0),
    ("true", True),
    ("false", False),
    ("null", None),
    ("str-empty", ""),
    ("str-0", "0"),
    ("str-5432", "5432"),
    ("str-spaces", " 5432 "),
    ("str-plus", "+5432"),
    ("str-minus", "-1"),
    ("str-leading-zero", "007"),
    ("str-underscore", "1_000"),
    ("str-float", "5432.0"),
    ("str-abc", "abc"),
    ("str-hex", "0x1F"),
    ("str-exp", "1e3"),
    ("str-arabic-digits", "\u0668\u0660"),
    ("str-fullwidth", "\uff18\uff10"),
    ("str-newline", "80\n"),
    ("list", [80]),
    ("list-empty", []),
    ("object", {"p": 1}),
    ("object-empty", {}),
]

EXTRA_VALUES: list[tuple[str, Any]] = [
    ("object-nested", {"a": {"b": [1, 2, {"c": None}]}, "t": True}),
    ("object-empty", {}),
    ("string-object", '{"a": 1}'),
    ("string-object-spaces", '  {"a": 1}  '),
    ("string-empty", ""),
    ("string-invalid", "{not json"),
    ("string-plain", "hello"),
    ("string-array", "[1, 2]"),
    ("string-number", "42"),
    ("string-null", "null"),
    ("string-json-string", '"x"'),
    ("string-empty-object", "{}"),
    ("array", [1, 2]),
    ("array-empty", []),
    ("number", 42),
    ("zero", 0),
    ("true", True),
    ("false", False),
    ("null", None),
    ("float", 1.5),
    ("unicode", {"k": "\u00e9\u65e5\U0001f600"}),
    ("secrets", {"aws_secret_access_key": "abc", "aws_session_token": "tok"}),
]

FIELD_VALUES: list[tuple[str, dict[str, Any]]] = [
    ("password-empty", {"password": ""}),
    ("password-space", {"password": " "}),
    ("password-number", {"password": 123}),
    ("password-false", {"password": False}),
    ("login-empty", {"login": ""}),
    ("login-number", {"login": 5}),
    ("login-null", {"login": None}),
    ("host-upper", {"host": "MyHost"}),
    ("host-number", {"host": 1.5}),
    ("host-empty", {"host": ""}),
    ("host-with-protocol", {"conn_type": "spark", "host": "k8s://100.68.0.1:443"}),
    ("host-same-protocol", {"conn_type": "http", "host": "http://host"}),
    ("host-with-slash", {"host": "/tmp/socket"}),
    ("schema-empty", {"schema": ""}),
    ("schema-special", {"schema": "a/b?c#d"}),
    ("description", {"description": "a description"}),
    ("description-null", {"description": None}),
    ("description-number", {"description": 3}),
    ("unknown-key", {"foo": "bar"}),
    ("unknown-key-conn_id", {"conn_id": "other"}),
    ("unknown-key-extra_dejson", {"extra_dejson": {"a": 1}}),
    ("key-uri", {"uri": "aws://u:p@h:1/s"}),
    ("key-uri-and-host", {"uri": "aws://u:p@h:1/s", "host": "x"}),
    ("key-uri-and-extra", {"uri": "aws://h", "extra": {"a": 1}}),
    ("key-team_name", {"team_name": "t"}),
    ("key-is_encrypted", {"is_encrypted": True}),
    ("conn_type-upper", {"conn_type": "AWS"}),
    ("conn_type-dash-many", {"conn_type": "a-b-c"}),
    ("conn_type-postgresql-upper", {"conn_type": "PostgreSQL"}),
    ("conn_type-empty", {"conn_type": ""}),
    ("conn_type-null", {"conn_type": None}),
    ("conn_type-number", {"conn_type": 5}),
    ("conn_type-postgres", {"conn_type": "postgres"}),
    ("conn_type-with-underscore", {"conn_type": "google_cloud_platform", "host": "h"}),
    ("conn_type-postgresql-dash", {"conn_type": "postgresql-x"}),
    ("all-empty-strings", {"conn_type": "", "host": "", "login": "", "password": "", "schema": "", "port": ""}),
]

NON_OBJECT: list[tuple[str, str]] = [
    ("non-object-array", "[]"),
    ("non-object-array-object", '[{"host": "h"}]'),
    ("non-object-number", "1"),
    ("non-object-string", '"aws://host"'),
    ("non-object-null", "null"),
    ("non-object-true", "true"),
    ("invalid-json-truncated", '{"host": "h"'),
    ("invalid-json-single-quotes", "{'host': 'h'}"),
    ("invalid-json-trailing-comma", '{"host": "h",}'),
    ("invalid-json-empty", ""),
    ("invalid-json-nan-port", '{"port": NaN}'),
    ("invalid-json-comment", '{"host": "h"} // c'),
]


def run_json(conn_id: str | None, text: str) -> dict[str, Any]:
    out: dict[str, Any] = {"expected": None, "get_uri": None, "get_uri_error": None, "error": None}
    with LogCapture() as logs:
        try:
            conn = Connection.from_json(text, conn_id=conn_id)
            out["expected"] = fields_of(conn)
        except Exception as exc:  # noqa: BLE001
            out["error"] = error_of(exc)
        else:
            try:
                out["get_uri"] = conn.get_uri()
            except Exception as exc:  # noqa: BLE001
                out["get_uri_error"] = error_of(exc)
    out["logs"] = logs.messages
    return out


def json_cases() -> list[dict[str, Any]]:
    raw: list[tuple[str, str, str]] = []
    for case_id, text in JSON_CASES:
        raw.append((case_id, "test_conn", text))
    for label, port in PORT_VALUES:
        raw.append((f"port-{label}", "test_conn", js({"conn_type": "aws", "host": "h", "port": port})))
    for label, extra in EXTRA_VALUES:
        raw.append((f"extra-{label}", "test_conn", js({"conn_type": "aws", "extra": extra})))
    raw.append(("extra-absent", "test_conn", js({"conn_type": "aws"})))
    for label, fields in FIELD_VALUES:
        raw.append((f"field-{label}", "test_conn", js(fields)))
    for case_id, text in NON_OBJECT:
        raw.append((case_id, "test_conn", text))
    raw.append(("connid-invalid", "bad id!", js({"conn_type": "aws"})))
    raw.append(("connid-invalid-extra-error", "<x>", js({"extra": "oops"})))
    raw.append(("connid-none", "", js({"conn_type": "aws", "host": "h"})))
    raw.append(("connid-hierarchical", "team/aws_default", js({"conn_type": "aws"})))
    cases = [
        {"id": case_id, "conn_id": conn_id, "text": text, **run_json(conn_id, text)}
        for case_id, conn_id, text in raw
    ]
    # The named Airflow-test texts follow JSON_CASES; a text the corpus holds (with the same conn id)
    # is not repeated.
    have = {(conn_id, text) for _, conn_id, text in raw}
    named: list[dict[str, Any]] = []
    counts: dict[str, int] = {}
    for test, conn_id, text in AIRFLOW_NAMED_TEST_JSON:
        counts[test] = counts.get(test, 0) + 1
        if (conn_id, text) in have:
            continue
        have.add((conn_id, text))
        case_id = f"airflow-test-{test}-{counts[test]}"
        named.append({"id": case_id, "source": "airflow-test", "conn_id": conn_id, "text": text, **run_json(conn_id, text)})
    print(
        f"json: {len(named)} named Airflow-test texts, {len(AIRFLOW_NAMED_TEST_JSON) - len(named)} already in the corpus",
        file=sys.stderr,
    )
    at = len(JSON_CASES)
    return cases[:at] + named + cases[at:]


def main() -> None:
    write_vectors("uri.json", "generate_connection.py", uri_cases())
    write_vectors("json.json", "generate_connection.py", json_cases())


if __name__ == "__main__":
    main()
