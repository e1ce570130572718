"""Generate vectors/uri_task.json and vectors/json_task.json: the corpus of generate_connection.py
(the same URIs and JSON texts, the same case ids) run through the Task SDK's connection class,
``airflow.sdk.definitions.connection.Connection``: what a task on an Airflow 3 worker builds from
a secrets-backend or environment value (``Connection(conn_id=..., uri=...)`` and
``Connection.from_json``). The server's ``airflow.models.Connection`` wrote uri.json and
json.json; where the two parsers disagree (query values stay strings, ``user:@host`` keeps ``""``
as the password, a non-object ``__extra__`` is accepted...) the cases of the two files differ.

Run with conformance/.venv/bin/python (see refresh.sh).
"""

from __future__ import annotations

import sys

import generate_connection
from _common import write_vectors

from airflow.sdk.definitions.connection import Connection as TaskConnection


def main() -> None:
    # The corpus functions look the class up at call time: run them with the Task SDK's.
    generate_connection.Connection = TaskConnection  # type: ignore[misc]
    uri = generate_connection.uri_cases()
    text = generate_connection.json_cases()
    write_vectors("uri_task.json", "generate_task_connection.py", uri)
    write_vectors("json_task.json", "generate_task_connection.py", text)
    print(f"uri_task.json: {len(uri)} cases, json_task.json: {len(text)} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
