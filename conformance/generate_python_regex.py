"""Generate vectors/python_regex.json: Python's ``re.match(pattern, id, re.IGNORECASE)`` for a
corpus of lookup patterns x ids, the answers core's ``translatePythonRegex`` must reproduce.

The amazon provider's backends test ``connections_lookup_pattern`` exactly so
(``SecretsManagerBackend._get_secret`` and ``SystemsManagerParameterStoreBackend._get_secret``:
``if lookup_pattern and not re.match(lookup_pattern, secret_id, re.IGNORECASE)``); the generator
checks that the installed provider still does, then runs the corpus with the interpreter it runs
in (recorded as ``python_version``: ``re`` and its Unicode tables belong to the Python version).

The corpus: hand-written patterns for every construct where Python and JavaScript differ
(``\\A``, ``\\Z``, ``$`` before a final newline, ``{,n}``, ``\\N{...}``, Unicode ``\\w``/``\\d``/
``\\s``/``\\b``, KELVIN SIGN, LONG S, the Turkish i, ``\\e``/``\\p{L}``, inline flags, named groups
and references, comments, lookbehind, atomic groups and possessive quantifiers, class syntax),
then seeded random patterns built from the same pieces. Each pattern meets the same ids: fixed
ones near the special characters plus seeded random ones. A pattern Python cannot compile is
recorded with its error (``{"type", "message"}``) and no ids.

Each case is ``{"id", "pattern", "error", "ids": [[text, matched], ...]}``, one case a line.
"""

from __future__ import annotations

import inspect
import json
import platform
import random
import re
import sys
import warnings
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "vectors" / "python_regex.json"
SEED = 19


def provider_uses_re_match() -> str:
    """The provider version, after checking both backends still call re.match with IGNORECASE."""
    try:
        from importlib.metadata import version

        from airflow.providers.amazon.aws.secrets.secrets_manager import SecretsManagerBackend
        from airflow.providers.amazon.aws.secrets.systems_manager import SystemsManagerParameterStoreBackend
    except ImportError:  # plain CPython: the corpus does not need Airflow
        return "not installed"
    for backend in (SecretsManagerBackend, SystemsManagerParameterStoreBackend):
        source = inspect.getsource(backend._get_secret)
        if "re.match(lookup_pattern, secret_id, re.IGNORECASE)" not in source:
            sys.exit(f"{backend.__name__}._get_secret no longer calls re.match(..., re.IGNORECASE)")
    return version("apache-airflow-providers-amazon")


# Characters where the two engines' rules part: case folding (KELVIN SIGN, LONG S, Turkish i,
# final sigma, micro sign), Unicode word/digit/space classes, newline handling.
SPECIAL = ["s", "S", "ſ", "k", "K", "\u212a", "i", "I", "\u0130", "\u0131", "σ", "ς", "Σ", "µ", "μ", "é", "É", "ß"]
WORDISH = ["a", "b", "_", "1", "٣", "𝟘", "日", "é", "x", "A"]
PUNCT = ["-", ".", "/", ":", "#", "!", "(", ")", "\\"]
OTHER = ["\n", " ", "\x85", "\u3000", "\ufeff", "\x1c"]
ALPHABET = SPECIAL + WORDISH + PUNCT

HAND = [
    # re.match is a prefix match, anchored at the start only
    "aws", "aws_", "^aws", "aws$", "aws\\Z", "\\Aaws", "a|b", "x?", "", ".", ".*", "aws_.*_prod",
    # $ matches before a trailing newline; \Z only at the very end; . is not a newline
    "a$", "a\\Z", "a.", "a\n", "a\\n$", "$", "^$", "a$\n", "(?s)a.", "(?m)a$", "(?m)^b", "(?s:.)a",
    # quantifiers
    "a{,2}b", "a{2}", "a{1,}b", "a{,}", "a{}", "a{x}", "a{1,2", "{1}", "a{3,1}", "a**", "*a", "a??b",
    "a*?", "a+?b", "a{1,2}?b", "(?:a|b){2}", "a{0}b", "a{,0}",
    # atomic groups and possessive quantifiers (Python 3.11)
    "(?>a+)a", "(?>a|ab)b", "a++a", "a*+b", "a?+a", "a{1,2}+a", "a*+?",
    # escapes Python knows, and those it rejects
    "\\x41", "\\x4", "\\u017f", "\\u017", "\\U0001d7d8", "\\U00110000", "\\0", "\\01", "\\012", "\\101",
    "\\400", "\\e", "\\p{L}", "\\z", "\\G", "\\h", "\\N{LATIN SMALL LETTER A}", "\\N{NO SUCH NAME}",
    "\\N", "\\-", "\\_", "\\é", "\\ ", "\\/", "\\a", "\\f\\t", "a\\", "\\\\",
    # Unicode classes
    "\\w", "\\w+$", "\\W", "\\d", "\\d+", "\\D", "\\s", "\\S", "\\bx", "x\\b", "\\Bx", "\\B", "\\b",
    "a\\b-", "[\\w-]+", "[\\W]", "[^\\W]", "[\\d_]", "[\\s]", "[\\S]", "[^\\s]", "[\\D]", "[^\\d\\W]",
    # case folding under IGNORECASE
    "s", "S", "ſ", "k", "K", "\u212a", "i", "I", "\u0130", "\u0131", "σ", "ς", "Σ", "µ", "ß", "é",
    "[a-z]+", "[A-Z]", "[^a-z]", "[s]", "[ſ]", "[k]", "[^k]", "[i]", "[^i]", "[h-j]", "[\u0130]",
    "[\u0100-\u017f]", "[\u0391-\u03c9]", "[^\u0130-\u0131]", "\\u212a", "\\u0131",
    # inline flags
    "(?i)aws", "(?i)(?s)a.", "a(?i)b", "(?u)a", "(?a)k", "(?x)a b", "(?L)a", "(?t)a", "(?i:a)",
    "(?-i:a)", "(?s-m:a.)", "(?q)a", "(?i", "(?-)", "(?au)a", "(?i-i:a)", "(?s:a)(?m:$)",
    # groups, names, references, comments
    "(a)\\1", "(?P<n>a)(?P=n)", "(?P<n>a)|(?P=n)", "(?P<n>a)(?P<n>b)", "(?P=n)", "(?P<1>a)",
    "(?P<n>a", "(?P>n)", "(?<n>a)", "(a)\\2", "(a\\1)", "(a)?b\\1",
    "(?#comment)aws", "a(?#x)*", "(?#", "a(?#)b",
    "(?:)", "()", "(", ")", "a)", "(?", "(?P", "(?(1)a|b)", "(a)(?(1)b|c)",
    # lookaround
    "(?=a)a", "(?!b)a", "a(?<=a)", "(?<=a)", "x(?<!a)", "a(?<=a|b)", "ab(?<=ab|b)", "a(?<=a+)",
    "(?<=\\b)a", "(?=a)*a", "(?<=(a))", "(?<=(a)\\1)", "(?<x", "(?<=a{2})",
    # classes: Python's syntax
    "[]a]", "[^]a]", "[]", "[a", "[a-]", "[-a]", "[a\\-z]", "[z-a]", "[a-\\d]", "[\\d-z]", "[[a]",
    "[a[]", "[a]]", "[\\]]", "[\\b]", "[\\A]", "[\\8]", "[\\1]", "[\\0]", "[\\x41-\\x43]", "[\\e]",
    "[a--b]", "[a&&b]", "[a||b]", "[a~~b]", "[\\N{LATIN SMALL LETTER A}]", "[.]", "[$^]", "[\\\\]",
    # unicode escapes of special characters, and the Unicode-version gap
    "\\u0264", "[\\u0264]", "\\ua7cb", "[\\ua7c0-\\ua7ff]", "\\U00016ea0", "\\ud800",
]


# Patterns met with their own ids only: each shows one listed deviation (deviations.json).
OWN_IDS = [
    # Python's \w excludes U+0345 (a combining mark); under IGNORECASE JavaScript folds it to ι.
    ("\\w\\Z", ["\u0345"]),
    ("[\\W]\\Z", ["\u0345"]),
    # Letters and digits assigned after Unicode 14.0 (Python 3.11's tables): KAWI LETTER A, DIGIT ZERO.
    ("\\w+\\Z", ["\U00011f04", "a\U00011f04"]),
    ("\\d\\Z", ["\U00011f50"]),
]


def python_error(pattern: str) -> dict[str, str] | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            re.compile(pattern, re.IGNORECASE)
        except (re.error, OverflowError, RecursionError, ValueError) as exc:
            return {"type": type(exc).__name__, "message": str(exc)}
    return None


rng = random.Random(SEED)


def rand_char() -> str:
    pick = rng.random()
    if pick < 0.55:
        return rng.choice(SPECIAL + WORDISH[:4])
    if pick < 0.75:
        return "\\" + rng.choice(["w", "W", "d", "D", "s", "S", "-", ".", "u017f", "x4b", "u212a"])
    return rng.choice(PUNCT[:3] + ["."])


def rand_class() -> str:
    body = "".join(
        rng.choice(["a-z", "A-Z", "h-j", "r-t", "\\w", "\\W", "\\d", "_", "-", "ſ", "K", "\u0131", "\u0130", "s", "k", ".", "é", "σ"])
        for _ in range(rng.randint(1, 3))
    )
    return "[" + ("^" if rng.random() < 0.3 else "") + body + "]"


def rand_quant() -> str:
    q = rng.choice(["", "", "", "*", "+", "?", "{2}", "{,2}", "{1,}", "{1,2}"])
    if q and rng.random() < 0.2:
        q += rng.choice(["?", "+"])
    return q


def rand_pattern(depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randint(1, 4)):
        pick = rng.random()
        if pick < 0.45:
            atom = rand_char()
        elif pick < 0.65:
            atom = rand_class()
        elif pick < 0.72:
            atom = rng.choice(["^", "$", "\\b", "\\B", "\\A", "\\Z"])
        elif depth < 2:
            inner = rand_pattern(depth + 1)
            if rng.random() < 0.3:
                inner += "|" + rand_pattern(depth + 1)
            opener = rng.choice(["(", "(?:", "(?P<g%d>" % rng.randint(1, 3), "(?=", "(?!", "(?<=", "(?>", "(?i:", "(?s:"])
            atom = opener + inner + ")"
        else:
            atom = rand_char()
        parts.append(atom + rand_quant())
    pattern = "".join(parts)
    if depth == 0 and rng.random() < 0.1:
        pattern = rng.choice(["(?i)", "(?s)", "(?m)"]) + pattern
    return pattern


def rand_id() -> str:
    alphabet = ALPHABET + (OTHER if rng.random() < 0.2 else [])
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))


FIXED_IDS = ["", "aws", "AWS_default", "a", "a\n", "\n", "s", "S", "ſ", "k", "\u212a", "i", "\u0130", "\u0131", "ab"]


def main() -> None:
    provider = provider_uses_re_match()
    patterns = [p for p in dict.fromkeys(HAND) if p not in dict(OWN_IDS)]
    seen = set(patterns) | set(dict(OWN_IDS))
    while len(patterns) < 900:
        p = rand_pattern()
        if p not in seen:
            seen.add(p)
            patterns.append(p)
    cases: list[dict[str, Any]] = []
    own = dict(OWN_IDS)
    for n, pattern in enumerate([p for p, _ in OWN_IDS] + patterns, 1):
        error = python_error(pattern)
        case: dict[str, Any] = {"id": f"re-{n:04d}", "pattern": pattern, "error": error, "ids": []}
        if error is None:
            compiled = re.compile(pattern, re.IGNORECASE)
            ids = own.get(pattern) or list(dict.fromkeys(FIXED_IDS + [rand_id() for _ in range(10)]))
            case["ids"] = [[t, compiled.match(t) is not None] for t in ids]
        cases.append(case)
    out = {
        "generator": "conformance/generate_python_regex.py",
        "python_version": platform.python_version(),
        "amazon_provider_version": provider,
        "seed": SEED,
        "cases": cases,
    }
    # One case a line: the file stays reviewable in a diff.
    head = json.dumps({k: v for k, v in out.items() if k != "cases"}, ensure_ascii=False, indent=1)[:-2]
    lines = ",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in cases)
    OUT.write_text(f'{head},\n "cases": [\n{lines}\n ]\n}}\n', encoding="utf-8")
    failed = sum(1 for c in cases if c["error"])
    checks = sum(len(c["ids"]) for c in cases)
    print(f"python_regex.json: {len(cases)} patterns ({failed} rejected by Python), {checks} matches", file=sys.stderr)


if __name__ == "__main__":
    main()
