#!/usr/bin/env python3
"""The oracle for tests/oracles/statistics.test.ts: Python's statistics module on Fractions (exact),
the type-7 quantile written here from its definition (R's and NumPy's default), and the standard
deviations as mpmath's square root of the exact variance at 60 digits.

One JSON request a line: {"fn": name, "data": [[n, d], ...], "q": [n, d] or null, "precision": P,
"answer": calc's text or null}. One JSON answer a line: {"ok": bool, "expected": text}.
An exact result must be calc's text word for word (fractions_oracle.write); an irrational one must
lie within half a unit of the last digit calc prints of the true value.
"""
import json
import math
import statistics
import sys
from fractions import Fraction

import mpmath
from mpmath import mpf

from fractions_oracle import write

mpmath.mp.dps = 60


class Refused(Exception):
    pass


def quantile7(data, q):
    xs = sorted(data)
    h = (len(xs) - 1) * q
    low = int(h)  # h >= 0: the floor
    if low == len(xs) - 1:
        return xs[low]
    return xs[low] + (h - low) * (xs[low + 1] - xs[low])


def exact(fn, data, q):
    if fn in ("mean", "median", "mode", "min", "max", "quantile") and not data:
        raise Refused("no data")
    if fn in ("variance", "stdev") and len(data) < 2:
        raise Refused("fewer than two")
    if fn in ("variancep", "stdevp") and not data:
        raise Refused("no data")
    return {
        "mean": lambda: statistics.mean(data),
        "median": lambda: statistics.median(data),
        "mode": lambda: statistics.mode(data),
        "min": lambda: min(data),
        "max": lambda: max(data),
        "sum": lambda: sum(data, Fraction(0)),
        "prod": lambda: math.prod(data, start=Fraction(1)),
        "len": lambda: Fraction(len(data)),
        "variance": lambda: statistics.variance(data),
        "variancep": lambda: statistics.pvariance(data),
        "stdev": lambda: statistics.variance(data),
        "stdevp": lambda: statistics.pvariance(data),
        "quantile": lambda: quantile7(data, q),
    }[fn]()


def square_root(v):
    """The exact root of a Fraction that is the square of one, else None."""
    a, b = math.isqrt(v.numerator), math.isqrt(v.denominator)
    return Fraction(a, b) if a * a == v.numerator and b * b == v.denominator else None


def judge(request):
    fn, precision, answer = request["fn"], request["precision"], request.get("answer")
    data = [Fraction(n, d) for n, d in request["data"]]
    q = Fraction(*request["q"]) if request.get("q") else None
    try:
        value = exact(fn, data, q)
    except (Refused, statistics.StatisticsError) as why:
        return {"ok": answer is None, "expected": f"an error ({why})"}
    if fn in ("stdev", "stdevp"):
        root = square_root(value)
        if root is None:
            true = mpmath.sqrt(mpf(value.numerator) / value.denominator)
            expected = mpmath.nstr(true, precision)
            if answer is None:
                return {"ok": False, "expected": expected}
            got = mpf(answer)
            unit = mpf(10) ** (int(mpmath.floor(mpmath.log10(true))) - precision + 1)
            return {"ok": bool(abs(got - true) <= unit * (mpf("0.5") + mpf("1e-8"))), "expected": expected}
        value = root
    expected = write(value, precision)
    return {"ok": answer == expected, "expected": expected}


for line in sys.stdin:
    try:
        print(json.dumps(judge(json.loads(line))), flush=True)
    except Exception as error:  # noqa: BLE001 - the test reports it
        print(json.dumps({"oracle_failed": f"{type(error).__name__}: {error}"}), flush=True)
