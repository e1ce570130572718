"""Generate vectors/file_writes.json: files written by awsconn, read back by Airflow.

For every awkward scalar (strings a YAML 1.1 reader turns into another type when written plain,
whitespace, control characters, line breaks...) a connection holding it in every field is written
with awsconn's own writer (``fromFile(...).put`` through ``write_connection_files.mjs``, which needs
``npm run build``) into a .yaml, a .json and a .env file, alone or next to existing entries and
comments; then ``airflow.secrets.local_filesystem.load_connections_dict`` reads each file. The
TypeScript suite checks that awsconn still writes exactly that text and that Airflow read back the
connection it was given and every other entry unchanged.
"""

from __future__ import annotations

import json
import subprocess
from typing import Any

from _common import HERE, write_vectors
from generate_local_filesystem import run_case

AWKWARD = [
    *["no", "No", "NO", "off", "OFF", "yes", "Yes", "on", "On", "y", "Y", "n", "N", "true", "False"],
    *["~", "null", "Null", "NULL", "=", "<<", "1:20", "190:20:30", "1:20.5", "1_000", "0b101", "0x1F"],
    *["0o17", "017", "08", "1e3", "1.0e+3", ".5", "._", "0b_", ".inf", "-.inf", ".nan", "123", "-1"],
    *["+1", "1.5", "-0", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5"],
    *["!tag", "&anchor", "*alias", "- item", "? key", ": x", "#c", "a #b", "a: b", "[x]", "{x}", "'q'"],
    *['"q"', "|", ">", "%x", "@x", "`x`", " leading", "trailing ", "\ttab", "multi\nline", "crlf\r\n"],
    *["a\u0085b", "a\u2028b", "a\u2029b", "\u00a0nbsp", "\ufeffbom", "del\u007f", "c1\u009b", "nul\u0000"],
    *["\u0001", "é日本😀", "x" * 300, " ".join(["word"] * 40), ""],
]
# Ids awsconn accepts that a YAML 1.1 reader would not read back as strings.
AWKWARD_IDS = ["no", "yes", "on", "y", "true", "null", "1:20", "1_000", "0x1F", ".inf", "2001-12-14", "123", "017"]

EXISTING = {
    "connections.yaml": (
        "# my connections\n\n"
        '"bad id": http://x   # an id awsconn refuses\n'
        "base: &base\n  conn_type: http\n  host: base.internal\n"
        "merged:\n  <<: *base\n  port: 8080\n"
        "c:\n  conn_type: old\n\n# trailing notes\n"
    ),
    "connections.json": '{\n  "bad id": "http://x",\n  "c": {"conn_type": "old"},\n  "other": {"host": "o", "port": 1}\n}\n',
    "connections.env": "# my connections\nbad id=http://x\nc=old://h\n\nother=http://o:1\n",
}


def connection(conn_id: str, s: str) -> dict[str, Any]:
    c: dict[str, Any] = {"connId": conn_id, "connType": "http", "host": s, "login": s, "schema": s}
    if s:  # an empty password is no password, in Airflow and awsconn alike
        c["password"] = s
    c["extra"] = {"value": s, s: "key", "list": [s, 1, True, None]}
    return c


def cases() -> list[dict[str, Any]]:
    out = []
    for i, s in enumerate(AWKWARD):
        for filename in ("connections.yaml", "connections.json", "connections.env"):
            out.append({"id": f"{filename.split('.')[1]}-scalar-{i:02d}", "filename": filename, "existing": None, "connection": connection("c", s)})
    for i, conn_id in enumerate(AWKWARD_IDS):
        out.append({"id": f"yaml-id-{i:02d}", "filename": "connections.yaml", "existing": None, "connection": connection(conn_id, "v")})
    for filename, existing in EXISTING.items():
        ext = filename.split(".")[1]
        for what, conn_id in (("replace", "c"), ("add", "added")):
            conn = connection(conn_id, "no")
            if ext == "env":
                conn["extra"] = {"value": "no"}  # a URI query keeps only strings
            out.append({"id": f"{ext}-existing-{what}", "filename": filename, "existing": existing, "connection": conn})
    return out


def airflow_reads(filename: str, content: str | None) -> dict[str, Any]:
    """Airflow's reading of a file (generate_local_filesystem's run_case); nothing for no file."""
    if content is None:
        return {"expected": None, "error": None, "logs": []}
    return run_case(filename, content)


def main() -> None:
    todo = cases()
    written = subprocess.run(
        ["node", str(HERE / "write_connection_files.mjs")],
        input=json.dumps(todo), capture_output=True, text=True, check=True,
    )
    by_id = {w["id"]: w for w in json.loads(written.stdout)}
    vectors = []
    for case in todo:
        w = by_id[case["id"]]
        before = airflow_reads(case["filename"], case["existing"])
        after = airflow_reads(case["filename"], w.get("written"))
        vectors.append({
            **case,
            "written": w.get("written"),
            "refused": w.get("refused"),
            "airflow_before": before["expected"],
            "expected": after["expected"],
            "error": after["error"],
            "logs": after["logs"],
        })
    write_vectors("file_writes.json", "generate_file_writes.py", vectors)


if __name__ == "__main__":
    main()
