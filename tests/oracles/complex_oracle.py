#!/usr/bin/env python3
"""The oracle for complex numbers in tests/oracles/complex.test.ts: Gaussian rationals as pairs of
Python Fractions while only + - * / and integer powers are applied, mpmath's principal values at
60 digits once a function is (mpmath's branch cuts are C99's and calc's: docs/language.md).

One JSON request a line: {"tree": TREE, "precision": P, "answer": calc's text or null, "error": calc's error or null}.
  TREE  {"op": "lit", "re": [n, d], "im": [n, d]} | {"op": "neg", "a": T} | {"op": "add"|"sub"|"mul"|"div", "a": T, "b": T}
        | {"op": "pow", "a": T, "k": k} | {"op": "root", "a": T, "q": 2 or 3} | {"op": "fn", "name": f, "a": T}
One JSON answer a line: {"ok": true} or {"ok": false, "expected": text}.

An exact value must be calc's text word for word (each part as fractions_oracle.write writes it);
an approximate one must agree part by part to calc's precision: each printed part within half a
unit of its last digit of the true part, or, for a part small beside the modulus, within the
modulus times 10^-(P+1) (calc's promise for approximate complex numbers, src/complex.ts).
"""
import json
import re
import sys
from fractions import Fraction

import mpmath
from mpmath import mp, mpc, mpf

from fractions_oracle import write

mp.dps = 60


class Undefined(Exception):
    pass


def exact_div(a, b):
    (p, q), (r, s) = a, b
    norm = r * r + s * s
    if norm == 0:
        raise Undefined("division by zero")
    return ((p * r + q * s) / norm, (q * r - p * s) / norm)


def exact_mul(a, b):
    (p, q), (r, s) = a, b
    return (p * r - q * s, p * s + q * r)


def exact_pow(a, k):
    if k == 0:
        return (Fraction(1), Fraction(0))
    if k < 0:
        return exact_div((Fraction(1), Fraction(0)), exact_pow(a, -k))
    result = (Fraction(1), Fraction(0))
    for _ in range(k):
        result = exact_mul(result, a)
    return result


def to_mpc(v):
    if isinstance(v, tuple):
        return mpc(mpf(v[0].numerator) / v[0].denominator, mpf(v[1].numerator) / v[1].denominator)
    return v


FUNCTIONS = {
    "exp": mpmath.exp, "sin": mpmath.sin, "cos": mpmath.cos, "tan": mpmath.tan, "sinh": mpmath.sinh,
    "cosh": mpmath.cosh, "tanh": mpmath.tanh, "abs": lambda z: mpc(abs(z)), "conj": mpmath.conj,
    "re": lambda z: mpc(z.real), "im": lambda z: mpc(z.imag), "sqrt": mpmath.sqrt, "ln": mpmath.log,
    "log10": mpmath.log10, "arg": lambda z: mpc(mpmath.arg(z)), "asin": mpmath.asin, "acos": mpmath.acos,
    "atan": mpmath.atan,
}


def evaluate(t):
    op = t["op"]
    if op == "lit":
        return (Fraction(*t["re"]), Fraction(*t["im"]))
    if op == "neg":
        a = evaluate(t["a"])
        return (-a[0], -a[1]) if isinstance(a, tuple) else -a
    if op in ("add", "sub", "mul", "div"):
        a, b = evaluate(t["a"]), evaluate(t["b"])
        if isinstance(a, tuple) and isinstance(b, tuple):
            if op == "add":
                return (a[0] + b[0], a[1] + b[1])
            if op == "sub":
                return (a[0] - b[0], a[1] - b[1])
            return exact_mul(a, b) if op == "mul" else exact_div(a, b)
        x, y = to_mpc(a), to_mpc(b)
        if op == "div" and y == 0:
            raise Undefined("division by zero")
        return {"add": x + y, "sub": x - y, "mul": x * y, "div": x / y if op == "div" else None}[op]
    if op == "pow":
        a = evaluate(t["a"])
        if isinstance(a, tuple):
            return exact_pow(a, t["k"])
        if a == 0 and t["k"] < 0:
            raise Undefined("division by zero")
        return to_mpc(a) ** t["k"]
    if op == "root":
        z = to_mpc(evaluate(t["a"]))
        return mpc(0) if z == 0 else z ** (mpf(1) / t["q"])  # the principal root
    if op == "fn":
        name = t["name"]
        a = evaluate(t["a"])
        z = to_mpc(a)
        if name in ("ln", "log10") and z == 0:
            raise Undefined(f"{name} at zero")
        if name == "arg" and z == 0:
            return mpc(0)
        if name == "atan" and z in (mpc(0, 1), mpc(0, -1)):
            raise Undefined("atan at ±i")
        if name in ("asin", "acos") and z.imag == 0 and z.real > 1:
            raise Undefined("on the cut, refused")
        if name == "tan" and mpmath.cos(z) == 0:
            raise Undefined("tan at a pole")
        return FUNCTIONS[name](z)
    raise ValueError(op)


def exact_text(v, precision):
    re_, im_ = v
    re_text = write(re_, precision)
    if im_ == 0:
        return re_text
    im_text = write(abs(im_), precision)
    i = "i" if im_text == "1" else f"{im_text}i"
    if re_ == 0:
        return f"-{i}" if im_ < 0 else i
    return f"{re_text} {'-' if im_ < 0 else '+'} {i}"


PART = r"(-?[0-9.]+(?:e-?[0-9]+)?)"


def parse(text):
    """calc's a + bi, a - bi, bi, i, -i, a: the two parts as mpf, or None."""
    text = text.strip()
    m = re.fullmatch(PART + r" ([+-]) " + r"([0-9.]+(?:e-?[0-9]+)?)?i", text)
    if m:
        im = mpf(m.group(3) or "1")
        return mpf(m.group(1)), (-im if m.group(2) == "-" else im)
    m = re.fullmatch(r"(-?)([0-9.]+(?:e-?[0-9]+)?)?i", text)
    if m:
        im = mpf(m.group(2) or "1")
        return mpf(0), (-im if m.group(1) == "-" else im)
    if re.fullmatch(PART, text):
        return mpf(text), mpf(0)
    return None


def half_unit(got, precision):
    """Half a unit of the P-th significant digit of a printed part (calc drops trailing zeros)."""
    return mpf(10) ** (int(mpmath.floor(mpmath.log10(abs(got)))) - precision + 1) / 2


def stable_value(tree, precision):
    """The tree's value at enough digits: computed at 60, 120, 240, … digits until two agree to
    precision + 10 digits (tan(exp(256)) needs 120: its argument has 111 before its point)."""
    previous = None
    for dps in (60, 120, 240, 480, 960, 1920, 3840):
        mp.dps = dps
        value = evaluate(tree)
        if isinstance(value, tuple):
            return value
        z = mpc(value)
        # (a true zero is noise below the digits computed: sin(pi) is 1e-61 at 60, 1e-121 at 120)
        if previous is not None and abs(z - previous) <= max(abs(z) * mpf(10) ** -(precision + 10), mpf(10) ** -(dps // 3)):
            return z
        previous = z
    raise Undefined("no stable value below 3840 digits")


PY_NAMES = {name: getattr(mpmath, name) for name in ("sqrt", "exp", "log", "pi", "e", "cbrt", "root", "mpc", "mpf", "fabs", "arg", "cos", "sin")}
PY_NAMES.update({"j": mpc(0, 1), "Fraction": Fraction})


def judge(request):
    precision = request["precision"]
    if "py" in request:
        # one of the examples, written for mpmath (or exactly, as a pair of Fractions)
        mp.dps = 60
        return judge_value(eval(request["py"], {"__builtins__": {}}, PY_NAMES), request)
    try:
        value = stable_value(request["tree"], precision)
    except (Undefined, ZeroDivisionError) as why:
        return {"ok": request.get("answer") is None, "expected": f"an error ({why})"}
    return judge_value(value, request)


def judge_value(value, request):
    precision = request["precision"]
    if isinstance(value, tuple):
        expected = exact_text(value, precision)
        return {"ok": request.get("answer") == expected, "expected": expected}
    z = mpc(value)
    if abs(z) > mpf(10) ** (9 * 10**15):
        # beyond calc's approximate range (docs/language.md, "Limits"): refused as too large
        return {"ok": request.get("answer") is None, "expected": "an error (too large)"}
    expected = f"{mpmath.nstr(z.real, precision)} + {mpmath.nstr(z.imag, precision)}i"
    answer = request.get("answer")
    parsed = answer is not None and parse(answer)
    if not parsed:
        return {"ok": False, "expected": expected}
    # (and the oracle's own rounding at 60 digits: sin(pi) is 1e-61 here, 0 in truth)
    floor = max(abs(z) * mpf(10) ** -(precision + 1), mpf(10) ** -50)
    ok = True
    for got, true in zip(parsed, (z.real, z.imag)):
        tolerance = max(half_unit(got, precision) * (1 + mpf("1e-8")) if got != 0 else 0, floor)
        ok = ok and abs(got - true) <= tolerance
    return {"ok": bool(ok), "expected": expected}


for line in sys.stdin:
    try:
        print(json.dumps(judge(json.loads(line))), flush=True)
    except Exception as error:  # noqa: BLE001 - the test reports it
        print(json.dumps({"oracle_failed": f"{type(error).__name__}: {error}"}), flush=True)
