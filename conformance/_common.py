"""Shared helpers for the conformance generators.

Every generator runs the real Airflow code in ``conformance/.venv`` and writes one
pretty-printed, deterministic JSON file to ``conformance/vectors/`` in the shape fixed
by ``conformance/FORMAT.md``.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import random
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# Some Airflow error messages print Python sets; a fixed hash seed keeps them (and so the
# vectors) identical from one run to the next.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, *sys.argv])
VECTORS = HERE / "vectors"

# Airflow wants a home; keep it inside the (git-ignored) venv so nothing leaks into the repo
# and no user-level airflow.cfg influences the outcome.
os.environ.setdefault("AIRFLOW_HOME", str(HERE / ".venv" / "airflow_home"))
os.environ.setdefault("AIRFLOW__CORE__UNIT_TEST_MODE", "False")
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
# A fixed, empty fernet key: extras are stored unencrypted (no effect on parsing).
os.environ.setdefault("AIRFLOW__CORE__FERNET_KEY", "")


def versions() -> dict[str, str]:
    return {
        "airflow_version": version("apache-airflow"),
        "amazon_provider_version": version("apache-airflow-providers-amazon"),
        # Python's urllib (urlsplit, parse_qsl, quote) decides much of the URI behaviour.
        "python_version": platform.python_version(),
        "botocore_version": version("botocore"),
        "moto_version": version("moto"),
    }


def error_of(exc: BaseException) -> dict[str, Any]:
    """Airflow's error as ``{type, message}`` (Python class name and ``str()``)."""
    return {"type": type(exc).__name__, "message": str(exc)}


def fields_of(conn: Any) -> dict[str, Any]:
    """A connection's fields in Airflow's snake_case form (FORMAT.md)."""
    extra = conn.extra_dejson
    return {
        "conn_id": conn.conn_id,
        "conn_type": conn.conn_type,
        "host": conn.host,
        "login": conn.login,
        "password": conn.password,
        "schema": conn.schema,
        "port": conn.port,
        "extra_dejson": extra if extra is not None else {},
        "description": getattr(conn, "description", None),
    }


# Messages that depend on process state (first use of the fernet key, masker length rules),
# not on the case: left out so that every case records only its own behaviour.
_NOISE = (
    "empty cryptography key",
    "Skipping masking for a secret",
)


class LogCapture(logging.Handler):
    """Collects the WARNING+ messages Airflow logs while a case runs (stdlib and structlog)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []
        self._structlog: Any = None
        self._entries: list[dict[str, Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._add(record.getMessage())
        except Exception:  # pragma: no cover - malformed log args
            self._add(str(record.msg))

    def _add(self, message: str) -> None:
        if not any(n in message for n in _NOISE):
            self.messages.append(message)

    def __enter__(self) -> LogCapture:
        import structlog.testing

        self.messages = []
        logging.getLogger().addHandler(self)
        self._structlog = structlog.testing.capture_logs()
        self._entries = self._structlog.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger().removeHandler(self)
        self._structlog.__exit__(None, None, None)
        for entry in self._entries:
            if entry.get("log_level") not in ("warning", "error", "critical", "exception"):
                continue
            event = str(entry.get("event", ""))
            args = entry.get("positional_args")
            if args:
                try:
                    event = event % tuple(args)
                except (TypeError, ValueError):
                    pass
            self._add(event)


def fuzz_arguments(seed: int, count: int) -> tuple[int, int]:
    """A fuzz generator's `[seed [count]]` arguments, for a local search; the committed file uses the defaults."""
    return (int(sys.argv[1]) if len(sys.argv) > 1 else seed, int(sys.argv[2]) if len(sys.argv) > 2 else count)


def pick(rng: random.Random, pool: list[Any]) -> Any:
    """One item of `pool`, drawn from `rng` (the fuzz generators' one way to choose)."""
    return pool[rng.randrange(len(pool))]


def write_fuzz_vectors(name: str, generator: str, seed: int, count: int, make_case: Any) -> None:
    """Writes ``count`` cases ``make_case(rng)`` drawn from one ``random.Random(seed)``, ids
    ``fuzz-<seed>-<n>`` (seed and count as :func:`fuzz_arguments` gives them)."""
    seed, count = fuzz_arguments(seed, count)
    rng = random.Random(seed)
    cases = [{"id": f"fuzz-{seed}-{n:04d}", **make_case(rng)} for n in range(count)]
    write_vectors(name, generator, cases)


def unique_ids(cases: list[dict[str, Any]]) -> None:
    seen: set[str] = set()
    for case in cases:
        if case["id"] in seen:
            raise SystemExit(f"duplicate case id: {case['id']}")
        seen.add(case["id"])


def write_vectors(name: str, generator: str, cases: list[dict[str, Any]]) -> Path:
    unique_ids(cases)
    doc = {"generator": f"conformance/{generator}", **versions(), "cases": cases}
    text = json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    VECTORS.mkdir(parents=True, exist_ok=True)
    path = VECTORS / name
    path.write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    if size >= 1_000_000:
        raise SystemExit(f"{path} is {size} bytes; vector files must stay below 1 MB")
    print(f"wrote {path.relative_to(HERE.parent)}: {len(cases)} cases, {size} bytes", file=sys.stderr)
    return path
