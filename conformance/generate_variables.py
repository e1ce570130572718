"""Generate vectors/variables.json: Airflow Variables as Airflow's own backends read them.

Two backends, each with the real Airflow 3.3.2 code:
- ``env``: ``EnvironmentVariablesBackend().get_variable(key)`` with ``env`` set (and every other
  ``AIRFLOW_VAR_*`` unset); the case's ``key`` is looked up.
- ``file``: ``LocalFilesystemBackend(variables_file_path=<file>).get_variable(key)``, the file
  written with the case's ``file.name`` (its extension picks the format) and ``file.text``.

Each case records ``expected`` (the value, ``null`` for "not found"), ``value_type`` (the Python
type name of a found value: Airflow hands a task the parsed JSON/YAML object itself, not only
strings) and ``error`` (Airflow's exception class and message, the file's path as ``<file>``, or
``null``).
"""

from __future__ import annotations

import os
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
    write_vectors("variables.json", "generate_variables.py", cases)


if __name__ == "__main__":
    main()
