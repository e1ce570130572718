"""Generate vectors/local_filesystem.json with Airflow's LocalFilesystemBackend file reader.

Each case writes one file into an empty temporary directory, changes into it and runs
``airflow.secrets.local_filesystem.load_connections_dict(<file name>)``, so messages carry
the bare file name, never a temporary path. ``load_connections_dict`` builds
``airflow.models.Connection`` in every process: a worker's LocalFilesystemBackend is given the Task
SDK's class (``_set_connection_class``) but never uses it, so these are what a task sees too
(the ``*-query-values`` cases show the server parser's JSON query values).

The hand-written CASES come first, then the inputs of Airflow's own tests of this reader
(AIRFLOW_TEST_CASES, ``"source": "airflow-test"``, ids ``airflow-test-<test name>-<n>``).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from typing import Any

from _common import LogCapture, error_of, fields_of, write_vectors

from airflow.exceptions import AirflowFileParseException
from airflow.secrets.local_filesystem import load_connections_dict

FIXED_LINE_MESSAGES = ("The file is empty.", "The file should contain the object.")


def j(obj: Any) -> str:
    return json.dumps(obj, indent=2) + "\n"


CASES: list[tuple[str, str, str]] = [
    # ---------------- JSON
    ("json-uri-string", "connections.json", j({"aws_default": "aws://AKIA:SECRET@/?region_name=eu-west-1"})),
    ("json-uri-query-values", "connections.json", j({"a": "aws://user:@h?timeout=30&verify=false&n=null"})),
    ("json-object-uri-query-values", "connections.json", j({"a": {"uri": "aws://h?timeout=30", "description": "d"}})),
    (
        "json-object",
        "connections.json",
        j({"pg": {"conn_type": "postgres", "host": "db", "login": "u", "password": "p", "port": 5432, "schema": "s"}}),
    ),
    ("json-object-extra-object", "connections.json", j({"aws": {"conn_type": "aws", "extra": {"region_name": "us-east-1"}}})),
    ("json-object-extra-string", "connections.json", j({"aws": {"conn_type": "aws", "extra": '{"region_name": "us-east-1"}'}})),
    ("json-object-extra-invalid-string", "connections.json", j({"aws": {"conn_type": "aws", "extra": "{oops"}})),
    ("json-object-extra-dejson", "connections.json", j({"aws": {"conn_type": "aws", "extra_dejson": {"a": {"b": [1, 2]}}}})),
    ("json-object-extra-and-extra-dejson", "connections.json", j({"aws": {"extra": {"a": 1}, "extra_dejson": {"a": 1}}})),
    ("json-object-illegal-key", "connections.json", j({"aws": {"conn_type": "aws", "region": "eu-west-1"}})),
    ("json-object-illegal-keys-two", "connections.json", j({"aws": {"foo": 1, "bar": 2}})),
    ("json-object-conn-id-same", "connections.json", j({"aws": {"conn_id": "aws", "conn_type": "aws"}})),
    ("json-object-conn-id-differs", "connections.json", j({"aws": {"conn_id": "other", "conn_type": "aws"}})),
    ("json-object-uri-key", "connections.json", j({"aws": {"uri": "aws://u:p@h:1/s"}})),
    ("json-object-uri-and-host", "connections.json", j({"aws": {"uri": "aws://u:p@h", "host": "x"}})),
    ("json-object-description", "connections.json", j({"aws": {"conn_type": "aws", "description": "d"}})),
    ("json-object-port-string", "connections.json", j({"aws": {"conn_type": "aws", "port": "5432"}})),
    ("json-object-conn-type-postgresql", "connections.json", j({"pg": {"conn_type": "postgresql", "host": "h"}})),
    ("json-object-empty", "connections.json", j({"aws": {}})),
    ("json-list-one-uri", "connections.json", j({"aws": ["aws://h"]})),
    ("json-list-one-object", "connections.json", j({"aws": [{"conn_type": "aws", "login": "k"}]})),
    ("json-list-two", "connections.json", j({"aws": ["aws://a", "aws://b"]})),
    ("json-list-empty", "connections.json", j({"aws": [], "other": "aws://h"})),
    ("json-list-nested-list", "connections.json", j({"aws": [["aws://h"]]})),
    ("json-value-number", "connections.json", j({"aws": 42})),
    ("json-value-null", "connections.json", j({"aws": None})),
    ("json-value-bool", "connections.json", j({"aws": True})),
    ("json-many", "connections.json", j({"a": "aws://a", "b": {"conn_type": "http", "host": "b"}, "c": ["postgres://c"]})),
    ("json-invalid-uri-value", "connections.json", j({"aws": "aws://host:99999"})),
    ("json-conn-id-invalid-key", "connections.json", j({"bad id": "aws://h"})),
    ("json-empty-file", "connections.json", ""),
    ("json-empty-object", "connections.json", "{}\n"),
    ("json-top-array", "connections.json", "[]\n"),
    ("json-top-string", "connections.json", '"aws://h"\n'),
    ("json-syntax-line-3", "connections.json", '{\n  "a": "aws://h",\n  "b": \n}\n'),
    ("json-syntax-trailing-comma", "connections.json", '{\n  "a": "aws://h",\n}\n'),
    ("json-syntax-line-1", "connections.json", "{oops}\n"),
    ("json-whitespace-only", "connections.json", "   \n"),
    ("json-duplicate-keys", "connections.json", '{"a": "aws://one", "a": "aws://two"}\n'),
    ("json-uppercase-extension", "CONNECTIONS.JSON", j({"aws": "aws://h"})),
    # ---------------- YAML
    ("yaml-uri-string", "connections.yaml", "aws_default: aws://AKIA:SECRET@/?region_name=eu-west-1\n"),
    (
        "yaml-object",
        "connections.yaml",
        "pg:\n  conn_type: postgres\n  host: db\n  login: u\n  password: p\n  port: 5432\n  schema: s\n",
    ),
    ("yaml-object-extra-nested", "connections.yaml", "aws:\n  conn_type: aws\n  extra:\n    region_name: eu-west-1\n    config_kwargs:\n      retries:\n        max_attempts: 5\n"),
    ("yaml-object-extra-dejson", "connections.yaml", "aws:\n  conn_type: aws\n  extra_dejson:\n    a: 1\n"),
    ("yaml-extra-and-extra-dejson", "connections.yaml", "aws:\n  extra: '{}'\n  extra_dejson: {}\n"),
    ("yaml-illegal-key", "connections.yaml", "aws:\n  conn_type: aws\n  region_name: eu-west-1\n"),
    ("yaml-conn-id-differs", "connections.yaml", "aws:\n  conn_id: other\n"),
    ("yaml-list-one", "connections.yaml", "aws:\n  - conn_type: aws\n    login: key\n"),
    ("yaml-list-two", "connections.yaml", "aws:\n  - aws://a\n  - aws://b\n"),
    ("yaml-port-string", "connections.yaml", "aws:\n  conn_type: aws\n  port: '5432'\n"),
    ("yaml-port-octal", "connections.yaml", "aws:\n  conn_type: aws\n  port: 0755\n"),
    ("yaml-password-number", "connections.yaml", "aws:\n  conn_type: aws\n  login: key\n  password: 12345\n"),
    ("yaml-password-bool", "connections.yaml", "aws:\n  conn_type: aws\n  password: yes\n"),
    ("yaml-null-fields", "connections.yaml", "aws:\n  conn_type: aws\n  host: null\n  login: ~\n"),
    ("yaml-block-scalar-uri", "connections.yaml", "aws: >-\n  aws://user:pass@host\n"),
    ("yaml-anchor-alias", "connections.yaml", "base: &b\n  conn_type: aws\n  login: k\ncopy: *b\n"),
    ("yaml-merge-key", "connections.yml", "base: &b\n  conn_type: aws\nchild:\n  <<: *b\n  login: k\n"),
    ("yml-uri", "connections.yml", "aws: aws://h:1/db\n"),
    ("yaml-empty-file", "connections.yaml", ""),
    ("yaml-comment-only", "connections.yaml", "# nothing here\n"),
    ("yaml-top-list", "connections.yaml", "- aws://h\n"),
    ("yaml-top-scalar", "connections.yaml", "aws://h\n"),
    ("yaml-syntax-bad-indent", "connections.yaml", "a: aws://h\nb:\n  conn_type: aws\n   host: x\n"),
    ("yaml-syntax-unclosed-quote", "connections.yaml", "a: aws://h\nb: 'unterminated\nc: aws://c\n"),
    ("yaml-syntax-tab", "connections.yaml", "a:\n\tconn_type: aws\n"),
    ("yaml-python-tag", "connections.yaml", "a: !!python/object:os.system x\n"),
    ("yaml-duplicate-keys", "connections.yaml", "a: aws://one\na: aws://two\n"),
    ("yaml-value-number", "connections.yaml", "a: 42\n"),
    ("yaml-date-password", "connections.yaml", "a:\n  conn_type: aws\n  password: '2001-12-14'\n"),
    # Number and boolean keys in an extra: json.dumps writes Python's spelling of each (1.0, -0.0,
    # 1e+16, every digit of a long int), and 1, 1.0 and true are one key of a Python dict.
    (
        "yaml-extra-number-keys",
        "connections.yaml",
        "a:\n  conn_type: aws\n  extra:\n    1.0: a\n    2: b\n    .5: c\n    0x1F: d\n    -0.0: e\n"
        "    1.5e+16: f\n    12345678901234567890: g\n    1:30: h\n    .inf: i\n    .NaN: j\n    017: k\n"
        "    0o17: l\n    2.50: m\n    1e3: n\n    1_000.5: o\n    nested:\n      - 3.0: p\n",
    ),
    (
        "yaml-extra-equal-keys",
        "connections.yaml",
        "a:\n  conn_type: aws\n  extra:\n    1.0: a\n    x: 0\n    1: b\n    true: c\n    0: d\n    -0.0: e\n    off: f\n",
    ),
    # A float key and a text key with its text are two Python keys: json.dumps writes both (the
    # dict's order), json.loads keeps the last; a date under the hidden one still fails json.dumps.
    ("yaml-extra-key-kinds-same-text", "connections.yaml", "a:\n  extra:\n    1.: a\n    '1.0': b\n    1.0: c\n"),
    ("yaml-extra-hidden-date", "connections.yaml", "a:\n  extra:\n    !!str 1: 2001-12-14\n    1: x\n"),
    ("yaml-extra-tagged-keys", "connections.yaml", "a:\n  conn_type: aws\n  extra:\n    !!float 3: a\n    !!str 4: b\n    !!int '5': c\n"),
    ("yaml-tagged-first-id", "connections.yaml", "!!str 1: aws://h\nb: aws://b\n"),
    # A quote libyaml closes on a less-indented next line, with a key right after it there.
    ("yaml-quote-closed-then-key", "connections.yaml", "a: aws://h\nb: 'open\n'c: aws://c\n"),
    # `? ` after a key's ":" on its line, then (later) a key spread over lines: the first is the error.
    ("yaml-explicit-key-on-value-line", "connections.yaml", "a:\n  conn_type: ? x\n  host: h\n  1,000\n  port: 1\n"),
    ("yaml-quote-closed-then-text", "connections.yaml", "a:\n  conn_type: aws\n  host: 'x\n'  y\n"),
    # ---------------- .env
    ("env-basic", "connections.env", "AWS_DEFAULT=aws://AKIA:SECRET@/?region_name=eu-west-1\n"),
    ("env-uri-query-values", "connections.env", "A=aws://user:@h?timeout=30&verify=false\n"),
    ("env-two", "connections.env", "a=aws://a\nb=postgres://u:p@b:5432/db\n"),
    ("env-comments-blank", "connections.env", "# a comment\n\nA=aws://a\n   # indented comment\n\nB=aws://b\n"),
    ("env-whitespace-only-line", "connections.env", "A=aws://a\n   \nB=aws://b\n"),
    ("env-duplicate", "connections.env", "A=aws://one\nB=aws://b\nA=aws://two\n"),
    ("env-no-equals", "connections.env", "A=aws://a\nthis line has no equals\n"),
    ("env-empty-key", "connections.env", "=aws://a\n"),
    ("env-empty-value", "connections.env", "A=\n"),
    ("env-several-errors", "connections.env", "A=aws://a\nbroken\n=x\nB=\n"),
    ("env-spaces-around-equals", "connections.env", "A = aws://host\n"),
    ("env-quoted-value", "connections.env", 'A="aws://host"\n'),
    ("env-export-prefix", "connections.env", "export A=aws://host\n"),
    ("env-equals-in-value", "connections.env", "A=aws://host?a=b=c\n"),
    ("env-json-value", "connections.env", 'A={"conn_type": "aws", "login": "k"}\n'),
    ("env-crlf", "connections.env", "A=aws://a\r\nB=aws://b\r\n"),
    ("env-inline-comment", "connections.env", "A=aws://a # trailing\n"),
    ("env-invalid-uri", "connections.env", "A=aws://host:abc\n"),
    ("env-empty-file", "connections.env", ""),
    ("env-lowercase-and-dots", "connections.env", "my.conn-1=aws://h\n"),
    # Airflow's comment pattern is re.match(r"\s*#"): Python's \s has U+00A0 but not U+FEFF.
    ("env-bom-comment", "connections.env", "\ufeff# a comment\nA=aws://a\n"),
    ("env-bom-key", "connections.env", "\ufeffA=aws://a\n"),
    ("env-nbsp-comment", "connections.env", "\xa0# a comment\nA=aws://a\n"),
    # ---------------- other extensions
    ("ext-txt", "connections.txt", "A=aws://a\n"),
    ("ext-none", "connections", "A=aws://a\n"),
    ("ext-toml", "connections.toml", 'A = "aws://a"\n'),
]


# Inputs of Airflow's own tests of this reader (airflow-core/tests/unit/always/
# test_secrets_local_filesystem.py, classes TestLoadConnection and TestLocalFileBackend), as
# (test name, file name, content): the file names and contents those tests give, the outcome from
# Airflow here. Ids are ``airflow-test-<test name>-<n>`` (n counts the test's inputs from 1); an
# input already among CASES (the same content, the same extension) is left out.
AIRFLOW_TEST_CASES: list[tuple[str, str, str]] = [
    ("env_file_should_load_connection", "a.env", "CONN_ID=mysql://host_1/"),
    ("env_file_should_load_connection", "a.env", "CONN_ID1=mysql://host_1/\nCONN_ID2=mysql://host_2/"),
    ("env_file_should_load_connection", "a.env", "CONN_ID1=mysql://host_1/\n # AAAA\nCONN_ID2=mysql://host_2/"),
    (
        "env_file_should_load_connection",
        "a.env",
        "\n\n\n\nCONN_ID1=mysql://host_1/\n\n\n\n\nCONN_ID2=mysql://host_2/\n\n\n",
    ),
    ("parsing_with_params", "a.env", "CONN_ID=mysql://host_1/?param1=val1&param2=val2"),
    ("env_file_invalid_format", "a.env", "AA"),
    ("env_file_invalid_format", "a.env", "="),
    ("env_file_invalid_format", "a.env", "CONN_ID="),
    ("json_file_should_load_connection", "a.json", '{"CONN_ID": "mysql://host_1"}'),
    ("json_file_should_load_connection", "a.json", '{"CONN_ID": ["mysql://host_1"]}'),
    ("json_file_should_load_connection", "a.json", '{"CONN_ID": {"uri": "mysql://host_1"}}'),
    ("json_file_should_load_connection", "a.json", '{"CONN_ID": [{"uri": "mysql://host_1"}]}'),
    ("env_file_invalid_input", "a.json", '{"CONN_ID": null}'),
    ("env_file_invalid_input", "a.json", '{"CONN_ID": 1}'),
    ("env_file_invalid_input", "a.json", '{"CONN_ID": [2]}'),
    ("env_file_invalid_input", "a.json", '{"CONN_ID": [null]}'),
    ("env_file_invalid_input", "a.json", '{"CONN_ID": {"AAA": "mysql://host_1"}}'),
    ("env_file_invalid_input", "a.json", '{"CONN_ID": {"conn_id": "BBBB"}}'),
    ("env_file_invalid_input", "a.json", '{"CONN_ID": ["mysql://", "mysql://"]}'),
    ("yaml_file_should_load_connection", "a.yaml", "CONN_A: 'mysql://host_a'"),
    (
        "yaml_file_should_load_connection",
        "a.yaml",
        "\n            conn_a: mysql://hosta\n            conn_b:\n               conn_type: scheme\n"
        "               host: host\n               schema: lschema\n               login: Login\n"
        "               password: None\n               port: 1234\n               extra_dejson:\n"
        "                 arbitrary_dict:\n                    a: b\n"
        "                 keyfile_dict: '{\"a\": \"b\"}'\n                 keyfile_path: asaa",
    ),
    (
        "yaml_file_should_load_connection_extras",
        "a.yaml",
        "\n                conn_c:\n                   conn_type: scheme\n                   host: host\n"
        "                   schema: lschema\n                   login: Login\n                   password: None\n"
        "                   port: 1234\n                   extra_dejson:\n                     aws_conn_id: bbb\n"
        "                     region_name: ccc\n                 ",
    ),
    (
        "yaml_file_should_load_connection_extras",
        "a.yaml",
        "\n                conn_d:\n                   conn_type: scheme\n                   host: host\n"
        "                   schema: lschema\n                   login: Login\n                   password: None\n"
        "                   port: 1234\n                   extra_dejson:\n                     keyfile_dict:\n"
        "                       a: b\n                     key_path: xxx\n                ",
    ),
    (
        "yaml_file_should_load_connection_extras",
        "a.yaml",
        "\n                conn_d:\n                   conn_type: scheme\n                   host: host\n"
        "                   schema: lschema\n                   login: Login\n                   password: None\n"
        "                   port: 1234\n                   extra: '{\"keyfile_dict\": {\"a\": \"b\"}}'\n                ",
    ),
    (
        "yaml_invalid_extra",
        "a.yaml",
        "conn_c:\n               conn_type: scheme\n               host: host\n               schema: lschema\n"
        "               login: Login\n               password: None\n               port: 1234\n"
        "               extra:\n                 abc: xyz\n               extra_dejson:\n"
        "                 aws_conn_id: bbb\n                 region_name: ccc\n                 ",
    ),
    ("ensure_unique_connection_env", "a.env", "CONN_ID=mysql://host_1/\nCONN_ID=mysql://host_2/"),
    ("ensure_unique_connection_json", "a.json", '{"CONN_ID": ["mysql://host_1", "mysql://host_2"]}'),
    ("ensure_unique_connection_json", "a.json", '{"CONN_ID": [{"uri": "mysql://host_1"}, {"uri": "mysql://host_2"}]}'),
    ("ensure_unique_connection_yaml", "a.yaml", "\n            conn_a:\n              - mysql://hosta\n              - mysql://hostb"),
    ("yaml_extension_parsers_return_same_result", "a.yaml", "conn_a: mysql://hosta"),
    ("yaml_extension_parsers_return_same_result", "a.yml", "conn_a: mysql://hosta"),
    ("should_read_connection", "testfile.env", "CONN_A=mysql://host_a"),
]


def file_input(filename: str, content: str) -> tuple[str, str]:
    """What Airflow reads of a case: its content and its extension (which picks the parser)."""
    return content, os.path.splitext(filename)[1].lower()


def airflow_test_cases(known: set[tuple[str, str]]) -> tuple[list[tuple[str, str, str]], int]:
    """AIRFLOW_TEST_CASES with their ids, less the inputs in ``known``; and how many were left out."""
    cases: list[tuple[str, str, str]] = []
    counts: dict[str, int] = {}
    skipped = 0
    for test, filename, content in AIRFLOW_TEST_CASES:
        counts[test] = counts.get(test, 0) + 1
        if file_input(filename, content) in known:
            skipped += 1
            continue
        known.add(file_input(filename, content))
        cases.append((f"airflow-test-{test}-{counts[test]}", filename, content))
    return cases, skipped


def run_file(filename: str, content: str, read: Callable[[str], Any]) -> dict[str, Any]:
    """Writes ``content`` as ``filename`` in an empty temporary directory and runs ``read(filename)``
    there: ``result`` (what it returned, or None), ``error`` (Airflow's, with its per-line errors) and ``logs``."""
    out: dict[str, Any] = {"result": None, "error": None}
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp, LogCapture() as logs:
        os.chdir(tmp)
        try:
            with open(filename, "w", encoding="utf-8", newline="") as fh:
                fh.write(content)
            out["result"] = read(filename)
        except AirflowFileParseException as exc:
            errors = []
            for err in exc.parse_errors:
                line = err.line_no
                # PyYAML marks are 0-based and Airflow passes them on unchanged; FORMAT.md wants
                # 1-based lines, so convert and keep Airflow's own number beside it.
                if filename.lower().endswith((".yaml", ".yml")) and err.message not in FIXED_LINE_MESSAGES:
                    line = line + 1 if line is not None and line >= 0 else None
                errors.append({"line": line, "airflow_line_no": err.line_no, "message": err.message})
            out["error"] = {**error_of(exc), "errors": errors}
        except Exception as exc:  # noqa: BLE001 - recording Airflow's error is the point
            out["error"] = {**error_of(exc), "errors": []}
        finally:
            os.chdir(cwd)
    out["logs"] = logs.messages
    return out


def run_case(filename: str, content: str) -> dict[str, Any]:
    out = run_file(filename, content, lambda f: {i: fields_of(c) for i, c in load_connections_dict(f).items()})
    return {"expected": out.pop("result"), **out}


def main() -> None:
    cases = [
        {"id": case_id, "filename": filename, "content": content, **run_case(filename, content)}
        for case_id, filename, content in CASES
    ]
    from_tests, skipped = airflow_test_cases({file_input(f, c) for _, f, c in CASES})
    cases += [
        {"id": case_id, "source": "airflow-test", "filename": filename, "content": content, **run_case(filename, content)}
        for case_id, filename, content in from_tests
    ]
    print(f"{len(from_tests)} inputs from Airflow's tests, {skipped} already in the file", file=sys.stderr)
    write_vectors("local_filesystem.json", "generate_local_filesystem.py", cases)


if __name__ == "__main__":
    main()
