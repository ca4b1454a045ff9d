#!/usr/bin/env python3
"""The oracle for irrational values: mpmath at as many digits as each case needs (80 at the least).

Reads one JSON object a line, {"py": <mpmath expression>, "dps": <digits>, "precision": P,
"answer": <calc's printed value, or null>}, and answers one JSON object a line:
  {"text": "<the true value as calc writes it>"}  when the request has "text": true instead of an answer
  {"ok": true}                                  calc's value is the true one rounded to P digits
  {"ok": false, "expected": "<P digits>"}       it is not (or calc gave no value)
The true value is computed at `dps` digits; calc's printed number must be within half a unit of
its P-th significant digit of it (plus a hair: calc rounds its own value, good to more digits than
P, and a true value within 1e-8 units of a rounding boundary may go either way).
"""
import json
import sys

sys.set_int_max_str_digits(0)  # exact answers of thousands of digits

import mpmath
from fractions_oracle import layout  # how calc writes a number's digits, written once
from mpmath import mp, mpf

NAMES = {name: getattr(mpmath, name) for name in
         ("sin", "cos", "tan", "exp", "log", "log10", "sqrt", "cbrt", "atan", "asin", "acos", "sinh", "cosh", "tanh", "pi", "root")}
NAMES["mpf"] = mpf
# calc's cube and n-th roots of a negative number are real (mpmath's are the principal complex ones)
NAMES["cbrt"] = lambda x: mpmath.sign(x) * mpmath.cbrt(abs(x))
NAMES["root"] = lambda x, n: mpmath.sign(x) * mpmath.root(abs(x), n)


def calc_text(x, precision):
    """x rounded to `precision` significant digits and written as calc writes an approximate value
    (docs/language.md, "How results are written"): plain when -7 < E < precision, else d.ddde±E;
    trailing zeros dropped."""
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    x = abs(x)
    exponent = int(mpmath.floor(mpmath.log10(x)))
    significand = int(mpmath.nint(x / mpf(10) ** (exponent - precision + 1)))
    if significand >= 10**precision:  # 9.99… rounded up to 10.0…
        significand //= 10
        exponent += 1
    return layout(sign == "-", str(significand), exponent, precision)


def parts(value, sizes, names, precision):
    """A value in the smallest unit written as whole larger units and the rest in the last, as
    `to h + min + s` writes it (docs/units.md)."""
    texts = []
    for size, name in zip(sizes[:-1], names[:-1]):
        whole = mpmath.floor(value / size)
        value -= whole * size
        texts.append(f"{int(whole)} {name}")
    texts.append(f"{calc_text(value / sizes[-1], precision)} {names[-1]}")
    return " + ".join(texts)


NAMES["calc_text"] = calc_text
NAMES["parts"] = parts
NAMES["floor"] = mpmath.floor
NAMES["nint"] = mpmath.nint
NAMES["factorial"] = mpmath.factorial
NAMES["int"] = int
NAMES["str"] = str


def judge(case):
    mp.dps = max(80, int(case["dps"]))
    true = eval(case["py"], {"__builtins__": {}}, NAMES)  # the tests' own generated expressions
    precision = case["precision"]
    if case.get("text"):
        return {"text": true if isinstance(true, str) else calc_text(true, precision)}
    expected = mpmath.nstr(true, precision, strip_zeros=False) if true != 0 else "0"
    answer = case.get("answer")
    if answer is None:
        return {"ok": False, "expected": expected}
    got = mpf(answer)
    if true == 0:
        return {"ok": got == 0, "expected": expected}
    exponent = int(mpmath.floor(mpmath.log10(abs(true))))
    unit = mpf(10) ** (exponent - precision + 1)
    ok = abs(got - true) <= unit * (mpf("0.5") + mpf("1e-8"))
    return {"ok": bool(ok), "expected": expected}


for line in sys.stdin:
    try:
        print(json.dumps(judge(json.loads(line))), flush=True)
    except Exception as error:  # noqa: BLE001 - the test reports it
        print(json.dumps({"oracle_failed": f"{type(error).__name__}: {error}"}), flush=True)
