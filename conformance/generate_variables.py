"""Generate vectors/variables.json: Airflow Variables as Airflow's own backends read them.

Two backends, each with the real Airflow 3.3.2 code:
- ``env``: ``EnvironmentVariablesBackend().get_variable(key)`` with ``env`` set (and every other
  ``AIRFLOW_VAR_*`` unset); the case's ``key`` is looked up.
- ``file``: ``LocalFilesystemBackend(variables_file_path=<file>).get_variable(key)``, the file
  written with the case's ``file.name`` (its extension picks the format) and ``file.text``.

Each case records ``expected`` (the value, ``null`` for "not found"), ``value_type`` (the Python
type name of a found value: Airflow hands a task the parsed JSON/YAML object itself, not only
strings) and ``error`` (Airflow's exception class and message, the file's path as ``<file>``, or
``null``). The cases taken from Airflow's own tests (AIRFLOW_TEST_FILES) come last and carry
``"source": "airflow-test"``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from _common import error_of, write_vectors

from airflow.secrets.environment_variables import EnvironmentVariablesBackend  # noqa: E402
from airflow.secrets.local_filesystem import LocalFilesystemBackend  # noqa: E402

ENV_CASES: list[tuple[str, dict[str, str], str]] = [
    ("env-set", {"AIRFLOW_VAR_REGION": "eu-west-1"}, "region"),
    ("env-key-upper-cased", {"AIRFLOW_VAR_MY_REGION": "x"}, "My_Region"),
    ("env-unset", {}, "region"),
    ("env-empty", {"AIRFLOW_VAR_REGION": ""}, "region"),
    ("env-kept-raw", {"AIRFLOW_VAR_REGION": "  padded\n"}, "region"),
    ("env-json-not-parsed", {"AIRFLOW_VAR_DOC": '{"a": 1}'}, "doc"),
    ("env-sharp-s-upper", {"AIRFLOW_VAR_STRASSE": "s"}, "straße"),
    ("env-lower-case-name-ignored", {"AIRFLOW_VAR_region": "x"}, "region"),
    ("env-connection-not-a-variable", {"AIRFLOW_CONN_REGION": "aws://"}, "region"),
]

FILE_CASES: list[tuple[str, str, str, str]] = [
    ("json-string", "v.json", '{"region": "eu-west-1", "other": "x"}', "region"),
    ("json-missing-key", "v.json", '{"region": "eu-west-1"}', "absent"),
    ("json-null", "v.json", '{"region": null}', "region"),
    ("json-number", "v.json", '{"port": 5432}', "port"),
    ("json-object", "v.json", '{"doc": {"a": 1}}', "doc"),
    ("json-duplicate-last-wins", "v.json", '{"a": "1", "a": "2"}', "a"),
    ("json-empty-file", "v.json", "", "a"),
    ("json-syntax-error", "v.json", '{"a": ', "a"),
    ("json-not-an-object", "v.json", '["a"]', "a"),
    ("yaml-string", "v.yaml", "region: eu-west-1\n", "region"),
    ("yml-upper-ext", "v.YML", "region: eu-west-1\n", "region"),
    ("yaml-quoted-padding", "v.yaml", "region: ' padded '\n", "region"),
    ("yaml-bool", "v.yaml", "flag: yes\n", "flag"),
    ("yaml-empty-value", "v.yaml", "region:\n", "region"),
    ("yaml-syntax-error", "v.yaml", "a: [1\n", "a"),
    ("env-file-value", "v.env", "# c\nREGION=eu-west-1\nURL=http://h/?a=b=c\n", "URL"),
    ("env-file-case-sensitive", "v.env", "REGION=eu-west-1\n", "region"),
    ("env-file-duplicate", "v.env", "A=1\nA=2\n", "A"),
    ("env-file-duplicate-other-key", "v.env", "A=1\nB=2\nB=3\n", "A"),
    ("env-file-no-equals", "v.env", "A\n", "A"),
    ("env-file-spaces-kept", "v.env", "A= x \n", "A"),
    ("unsupported-extension", "v.txt", "A=1\n", "A"),
]

# Inputs of Airflow's own tests of the Variables reader (airflow-core/tests/unit/always/
# test_secrets_local_filesystem.py, classes TestFileParsers, TestLoadVariables and
# TestLocalFileBackend), as (test name, file name, text, keys): the file each test reads, looked up
# under every key it expects (a key of the file where it expects an error or nothing). Ids are
# ``airflow-test-<test name>-<n>`` (n counts the test's files from 1), with ``-<key>`` where a file
# is looked up under several keys; a file already among FILE_CASES (the same text, the same
# extension) is left out.
AIRFLOW_TEST_FILES: list[tuple[str, str, str, list[str]]] = [
    ("env_file_invalid_format", "a.env", "AA", ["AA"]),
    ("env_file_invalid_format", "a.env", "=", ["KEY"]),
    ("env_file_invalid_format", "a.env", "KEY=", ["KEY"]),
    ("json_file_invalid_format", "a.json", "[]", ["KEY"]),
    ("json_file_invalid_format", "a.json", "{AAAAA}", ["AAAAA"]),
    ("json_file_invalid_format", "a.json", "", ["KEY"]),
    ("yaml_file_invalid_format", "a.yaml", "[]", ["KEY"]),
    ("yaml_file_invalid_format", "a.yaml", "key:\n  - item1\n  - item2\ninvalid_yaml: }", ["key"]),
    ("yaml_file_invalid_format", "a.yaml", "", ["KEY"]),
    ("env_file_should_load_variables", "a.env", "", ["KEY"]),
    ("env_file_should_load_variables", "a.env", "KEY=AAA", ["KEY"]),
    ("env_file_should_load_variables", "a.env", "KEY_A=AAA\nKEY_B=BBB", ["KEY_A", "KEY_B"]),
    ("env_file_should_load_variables", "a.env", "KEY_A=AAA\n # AAAA\nKEY_B=BBB", ["KEY_A", "KEY_B"]),
    ("env_file_should_load_variables", "a.env", "\n\n\n\nKEY_A=AAA\n\n\n\n\nKEY_B=BBB\n\n\n", ["KEY_A", "KEY_B"]),
    ("env_file_should_load_variables", "a.env", "KEY_DICT='{\"k1\": \"val1\", \"k2\": \"val2\"}'", ["KEY_DICT"]),
    ("env_file_invalid_logic", "a.env", "AA=A\nAA=B", ["AA"]),
    ("json_file_should_load_variables", "a.json", "{}", ["KEY"]),
    ("json_file_should_load_variables", "a.json", '{"KEY": "AAA"}', ["KEY"]),
    ("json_file_should_load_variables", "a.json", '{"KEY_A": "AAA", "KEY_B": "BBB"}', ["KEY_A", "KEY_B"]),
    ("yaml_file_should_load_variables", "a.yaml", "KEY: AAA", ["KEY"]),
    ("yaml_file_should_load_variables", "a.yml", "KEY: AAA", ["KEY"]),
    (
        "yaml_file_should_load_variables",
        "a.yaml",
        "\n            KEY:\n                KEY_1:\n                    - item1\n                    - item2\n            ",
        ["KEY"],
    ),
    (
        "yaml_file_should_load_variables",
        "a.yml",
        "\n            KEY:\n                KEY_1:\n                    - item1\n                    - item2\n            ",
        ["KEY"],
    ),
    ("yaml_file_should_load_variables", "a.yaml", "\n            KEY_A: AAA\n            KEY_B: BBB\n            ", ["KEY_A", "KEY_B"]),
    ("yaml_file_should_load_variables", "a.yml", "\n            KEY_A: AAA\n            KEY_B: BBB\n            ", ["KEY_A", "KEY_B"]),
    ("should_read_variable", "testfile.var.env", "KEY_A=VAL_A", ["KEY_A", "KEY_B"]),
    ("load_secret_backend_LocalFilesystemBackend", "var.env", "KEY_A=VAL_A", ["KEY_A"]),
]


def file_input(name: str, text: str) -> tuple[str, str]:
    """What Airflow reads of a file: its text and its extension (which picks the parser)."""
    return text, os.path.splitext(name)[1].lower()


def airflow_test_cases(known: set[tuple[str, str]]) -> tuple[list[tuple[str, str, str, str]], int]:
    """AIRFLOW_TEST_FILES as (id, name, text, key), less the files in ``known``; and how many files were left out."""
    cases: list[tuple[str, str, str, str]] = []
    counts: dict[str, int] = {}
    skipped = 0
    for test, name, text, keys in AIRFLOW_TEST_FILES:
        counts[test] = counts.get(test, 0) + 1
        if file_input(name, text) in known:
            skipped += 1
            continue
        known.add(file_input(name, text))
        for key in keys:
            suffix = f"-{key}" if len(keys) > 1 else ""
            cases.append((f"airflow-test-{test}-{counts[test]}{suffix}", name, text, key))
    return cases, skipped


def outcome(lookup) -> dict[str, Any]:
    out: dict[str, Any] = {"expected": None, "value_type": None, "error": None}
    try:
        value = lookup()
        out["expected"] = value
        out["value_type"] = None if value is None else type(value).__name__
    except Exception as exc:  # noqa: BLE001 - recording Airflow's error is the point
        out["error"] = error_of(exc)
    return out


def env_case(env: dict[str, str], key: str) -> dict[str, Any]:
    saved = {k: v for k, v in os.environ.items() if k.startswith(("AIRFLOW_VAR_", "AIRFLOW_CONN_"))}
    for k in saved:
        del os.environ[k]
    os.environ.update(env)
    try:
        return outcome(lambda: EnvironmentVariablesBackend().get_variable(key))
    finally:
        for k in env:
            os.environ.pop(k, None)
        os.environ.update(saved)


def file_case(name: str, text: str, key: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        out = outcome(lambda: LocalFilesystemBackend(variables_file_path=str(path)).get_variable(key))
    if out["error"]:  # the temporary path, which changes on every run, as <file>
        out["error"]["message"] = out["error"]["message"].replace(str(path), "<file>")
    return out


def main() -> None:
    cases: list[dict[str, Any]] = []
    for case_id, env, key in ENV_CASES:
        cases.append({"id": case_id, "backend": "env", "env": env, "key": key, **env_case(env, key)})
    for case_id, name, text, key in FILE_CASES:
        cases.append(
            {"id": case_id, "backend": "file", "file": {"name": name, "text": text}, "key": key, **file_case(name, text, key)}
        )
    from_tests, skipped = airflow_test_cases({file_input(name, text) for _, name, text, _ in FILE_CASES})
    for case_id, name, text, key in from_tests:
        cases.append(
            {
                "id": case_id,
                "source": "airflow-test",
                "backend": "file",
                "file": {"name": name, "text": text},
                "key": key,
                **file_case(name, text, key),
            }
        )
    print(f"{len(from_tests)} lookups from Airflow's tests, {skipped} of their files already in the file", file=sys.stderr)
    write_vectors("variables.json", "generate_variables.py", cases)


if __name__ == "__main__":
    main()
