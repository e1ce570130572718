"""Generate vectors/python.json: the CPython answers that core's ports (packages/core/src/python/) copy.

Standard library only: it runs with any CPython 3.11 (``python3 conformance/generate_python.py``)
as well as in conformance/.venv (refresh.sh runs it there with the other generators). The answers
depend on the Python version (``urllib.parse`` changed in patch releases), so the version is
recorded and the TypeScript suite checks it.

Each case is ``{"id", "function", "input", "expected", "error"}``: ``error`` is
``{"type", "message"}`` where Python raised (then ``expected`` is null). The top-level
``isspace`` lists every code point for which ``str.isspace()`` is true.
"""

from __future__ import annotations

import ipaddress
import json
import platform
import random
import struct
import sys
import urllib.parse
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
OUT = HERE / "vectors" / "python.json"

ISSPACE = [cp for cp in range(0x110000) if chr(cp).isspace()]
# Characters near the whitespace set that are *not* in it (JavaScript's \s has U+FEFF).
NOT_SPACE = ["\ufeff", "\u200b", "\u180e", "\x00", "\x1b", "\x7f"]


def error_of(exc: BaseException) -> dict[str, str]:
    return {"type": type(exc).__name__, "message": str(exc)}


cases: list[dict[str, Any]] = []


def add(function: str, value: Any, run: Callable[[], Any]) -> None:
    case: dict[str, Any] = {"id": f"{function}-{sum(c['function'] == function for c in cases) + 1:04d}"}
    case.update({"function": function, "input": value, "expected": None, "error": None})
    try:
        case["expected"] = run()
    except Exception as exc:  # noqa: BLE001 - recording Python's error is the point
        case["error"] = error_of(exc)
    cases.append(case)


# ------------------------------------------------------------------------- str.strip()
for ch in [chr(cp) for cp in ISSPACE] + NOT_SPACE:
    for text in (ch + "a b", "a b" + ch, ch + ch + "{}" + ch):
        add("str.strip", text, lambda t=text: t.strip())
for text in ["", " ", "".join(chr(cp) for cp in ISSPACE), " \ufeff a \ufeff ", "a"]:
    add("str.strip", text, lambda t=text: t.strip())

# ------------------------------------------------------------------------- int(str)
INTS = [
    "0", "12", " 12 ", "+3", "-0", "-12", "00080", "1_000", "1__0", "_1", "1_", "1.0", "", " ", "+", "-",
    "0x10", "1e3", "+-1", "1 2", "٥", "٨٠", "𝟖𝟎", "１２", "०१२", "12\x85", "\x8512", "\ufeff12", "12\ufeff",
    "\u200b12", "9007199254740991", "-9007199254740991", "1_2_3", "+_1", "٣_٤",
]
INTS += [ch + "7" + ch for ch in (chr(cp) for cp in ISSPACE)]
for text in INTS:
    add("int", text, lambda t=text: str(int(t)))

# ------------------------------------------------------------------------- urlsplit
def split(url: str) -> dict[str, Any]:
    r = urllib.parse.urlsplit(url)
    out: dict[str, Any] = {
        "scheme": r.scheme,
        "netloc": r.netloc,
        "path": r.path,
        "query": r.query,
        "fragment": r.fragment,
        "username": r.username,
        "password": r.password,
        "hostname": r.hostname,
    }
    try:
        out["port"] = r.port
        out["port_error"] = None
    except ValueError as exc:
        out["port"] = None
        out["port_error"] = error_of(exc)
    return out


URLS = [
    "HTTP://u:p@[::1]:80/p/q?x=1#f", " \x01ht\ttp://Host:8080\n/a?b", "1a://h", "a_b://h", "x+y.z-1://h",
    "//[::1", "//a]", "//[1.2.3.4]", "//[v1]", "//[::1%]", "//\u2100", "//[v1.x]", "//[fe80::1%25eth0]",
    "//[::ffff:1.2.3.4]", "//[1:2:3:4:5:6:7:8]", "aws://", "aws://@", "aws://:@", "aws://u@", "aws://:p@h",
    "aws://u:p@h:00080/s", "aws://h:+80", "aws://h:-1", "aws://h: 80", "aws://h:٨٠", "aws://h:65535",
    "aws://h:65536", "aws://h:99999999999", "aws://h:", "aws://h:80:81", "aws://a@b@c:1", "aws://[::1]:x",
    "aws://[FE80::1%EtH0]:1/", "aws://HoSt/Path", "aws://h/a%2Fb", "aws://h?a=1#frag?x", "aws://h#f#g",
    "aws:h", "aws:/h", "aws:///h", "aws:", ":aws", "été://h", "aws://été", "aws://h\u3000", "aws://ｈ",
    "aws://h\uff0f", "aws://h\u2474", "aws://u:p\u2100@h", "spark://k8s%3a%2F%2F100.68.0.1:443",
    "http://https://example.com", "aws://h\x00x", "aws://h\r\nx", "\x00 aws://h", "aws://h ", " aws://h",
    "google_cloud_platform://host", "mailto:a@b", "aws://[v1.x]:1", "aws://[]", "aws://[",
]
for c in [chr(b) for b in range(0x20, 0x7F)] + ["é", "日本", "😀", "\x85", "\ufeff"]:
    URLS.append(f"s://u{c}v:p{c}q@h{c}i:80/p{c}?q{c}#f{c}")
for url in URLS:
    add("urlsplit", url, lambda u=url: split(u))

# ------------------------------------------------------------------------- quote / quote_plus
QUOTES = [chr(b) for b in range(0x80)] + ["é", "日本", "😀", "\ufeff", "\x85", "a b+c/d", "", "\ud800"]
for text in QUOTES:
    add("quote", text, lambda t=text: urllib.parse.quote(t, safe=""))
    add("quote_plus", text, lambda t=text: urllib.parse.quote_plus(t, safe=""))

# ------------------------------------------------------------------------- unquote
UNQUOTES = [
    "%41", "%4", "%", "%%41", "%zz", "%C3%A9", "%C3", "%C3é%A9", "%e2%82%ac", "%F0%9F%98%80", "%EF%BB%BF",
    "%80", "%ED%A0%80", "%F0%9F%98", "a+b", "caf%C3%A9%2", "%2B%20", "é%41", "%00", "%c3%a9%c3",
    "%41%42%43%4", "%F4%90%80%80", "%C0%AF",
]
for text in UNQUOTES:
    add("unquote", text, lambda t=text: urllib.parse.unquote(t))

# ------------------------------------------------------------------------- parse_qsl
QS = [
    "a=1&&b&c=x+y&d=%2B&=e&a=2", "", "&", "=", "a=b=c", "a;b=c", "a%3Db=c", "+=+", "%zz=1", "a=%C3",
    "a=%C3%A9&%C3%A9=b", "&&a&&", "a&b=", "__extra__=%7B%22a%22%3A+1%7D", "a=1&a=2&a=3", " a = b ",
]
for text in QS:
    add("parse_qsl", text, lambda t=text: [list(p) for p in urllib.parse.parse_qsl(t, keep_blank_values=True)])

# ------------------------------------------------------------------------- urlencode
PAIRS = [
    [["a", "x y"], ["b", "&=+"], ["é", "~"]],
    [["", ""]],
    [["k", "日本"], ["a b", "/"]],
    [["a", "1"], ["a", "2"]],
    [["__extra__", '{"a": 1}']],
]
for pairs in PAIRS:
    add("urlencode", pairs, lambda p=pairs: urllib.parse.urlencode([tuple(x) for x in p]))

# ------------------------------------------------------------------------- json.loads + json.dumps
JSONS = [
    '{"a": 1.0, "b": -0.0, "c": 1e16, "d": 0.00001, "e": 12345678901234567890, "f": NaN, "1": 2, "a": 2.50}',
    '"\\u00e9\\ud83d\\ude00\\u0001\\u007f\\"\\\\"', '"é😀\\/"', "[-0, Infinity, -Infinity, 0.5]", "NaN", "-NaN",
    "[1e400, -1e400]", "1E5", "1e-7", "0.1", "[1.0, 1.50, 100e-2]", '"\\ud800"', '"\\udc00\\ud800"',
    '{"a": 1, "a": {"b": 2}}', '{"__proto__": 1}', " \t\n\r[1] \n", "\ufeff[]", "\x85[]", "[]\x85",
    "\x0b{}", "\xa0{}", "{}\u3000", "", "01", "1.", "-", "--1", "+1", '{"a": 1,}', "[1,]", '["a\tb"]',
    '["\\x"]', '["\\u12G4"]', '{"a" 1}', "{'a': 1}", "[1 2]", "tru", "nul", "Infinity1", '"abc',
    '{"a": 1}}', "[]]", "1" * 4300, "1" * 4301, "-" + "9" * 30, "[" * 50 + "]" * 50, '{"a": [1, {"b": null}]}',
    "true", "false", "null", '  "x"  ', "0", "-0", "-0.0", "123.456e-300", "-1.5e300", "5e-324", "1e-400",
]
for text in JSONS:
    add("json", text, lambda t=text: json.dumps(json.loads(t)))

# ------------------------------------------------------------------------- repr(float)
rng = random.Random(20261201)
FLOATS = [
    0.1, 0.1 + 0.2, 1e16, 1e15, 9999999999999998.0, 123456789012345680.0, 1e-4, 1e-5, 0.0001234, 5e-324,
    2.2250738585072014e-308, 1.7976931348623157e308, -0.0, 0.0, 1.0, 100.0, 1e22, 1.5, 0.3, 2.0**53,
    2.0**53 + 2, -1234.5678, 1e100, 123e-20,
]
while len(FLOATS) < 300:
    (x,) = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))
    if x == x and abs(x) != float("inf"):
        FLOATS.append(x)
FLOATS += [rng.random() * 10 ** rng.randint(-8, 20) for _ in range(100)]
for x in FLOATS:
    add("float.repr", x, lambda v=x: repr(v))

# ------------------------------------------------------------------------- urlsplit's bracketed-host check
HOSTS = [
    "::1", "::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1::2::3", "::ffff:1.2.3.4", "::ffff:1.2.3.256",
    "::ffff:01.2.3.4", "fe80::1%eth0", "fe80::1%", "fe80::1%25eth0", "fe80::1%a%b", "v1.x", "v1", "vG.x", "V1.x",
    "v1.", "vf.a:b", "1.2.3.4", "", "12345::", "1:2:3:4:5:6:7::", "::1:2:3:4:5:6:7", ":1:2:3:4:5:6:7",
    "1:2:3:4:5:6:7:", "::1/128", "g::1", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4",
    "1::1.2.3.4", ":::", "1:::2", "0000:0000::00001", "abcd::EF01", "::%eth0", "%eth0", "1:2:3:4:5:6:7:8%z",
    "1:2:3:4::5:6:7:8", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7::",
]
def bracketed(host: str) -> bool:
    urllib.parse._check_bracketed_host(host)  # noqa: SLF001 - the check urlsplit runs on "[...]"
    return True


for host in HOSTS:
    add("bracketed_host", host, lambda h=host: bracketed(h))


def main() -> None:
    doc = {
        "generator": "conformance/generate_python.py",
        "python_version": platform.python_version(),
        "isspace": ISSPACE,
        "cases": cases,
    }
    # ensure_ascii: the inputs include a lone surrogate, which UTF-8 cannot carry.
    text = json.dumps(doc, indent=1, ensure_ascii=True, allow_nan=False) + "\n"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    if size >= 1_000_000:
        raise SystemExit(f"{OUT} is {size} bytes; vector files must stay below 1 MB")
    print(f"wrote {OUT.relative_to(HERE.parent)}: {len(cases)} cases, {size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
