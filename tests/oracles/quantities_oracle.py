"""The oracle for quantities in tests/oracles/differential.test.ts: units defined here from the laws that
define them, values as Python Fractions in SI base units, dimensions as powers of length, time
and mass. Not calc's code, and not calc's unit table.

One JSON request a line on stdin, one JSON answer a line on stdout:
  request  {"tree": TREE, "precision": P, "fraction": bool}
  TREE     ["q", magnitude, unit, power]      a quantity literal: 5 ft, 3/4 in, 2 s^-1
           | ["n", text]                      a plain number
           | ["neg", T] | ["pow", T, k]       k a small whole number
           | [op, T, T] with op in add sub mul div
           | ["sum", [n, unit], [n, unit], …] 5 ft 3 in: the parts added
           | ["to", T, [[unit, power], …]]    a conversion to a product of units
  answer   {"si": TARGET or null, "number": text, "exact": bool}
           | {"error": "dimension" | "zero"}

calc is then asked for the expression `to TARGET`, the coherent SI unit of the result's dimension
written by this oracle (m^2, m/s, kg*m/s^2, s^-1), and must print `number TARGET`: the value in
SI units written by fractions_oracle.write (every digit if its decimal expansion ends, else
rounded to P significant digits), or with "fraction": true, asked `to TARGET to fraction`, the
value as p/q. A dimensionless result is a plain number (si null) and asked as it is (or `to
fraction`). Adding or subtracting quantities of different dimensions (a number has none) and
converting to a unit of another dimension are dimension errors, but for a target of the inverse
dimension, which asks for the reciprocal (`2 s to Hz` is 0.5 Hz); dividing by zero (a zero
quantity, or 0 to a negative power, or the reciprocal of a zero quantity) is a zero error. Operands are evaluated left to right, and
the first error met is the answer.
"""

import json
import sys
from fractions import Fraction

from fractions_oracle import write

# Each unit: its size in SI base units and its dimension (length, time, mass).
#   the metre, second and kilogram are the SI base units (SI Brochure, 9th edition, 2019);
#   the yard is 0.9144 m and the pound 0.45359237 kg exactly (International Yard and Pound
#   Agreement, 1959), so the inch, 1/36 yd, is 0.0254 m and the foot, 12 in, 0.3048 m;
#   the minute is 60 s and the hour 3600 s (SI Brochure, table 8)
LENGTH, TIME, MASS = (1, 0, 0), (0, 1, 0), (0, 0, 1)
UNITS = {
    "m": (Fraction(1), LENGTH),
    "cm": (Fraction(1, 100), LENGTH),
    "km": (Fraction(1000), LENGTH),
    "in": (Fraction(9144, 10000) / 36, LENGTH),
    "ft": (Fraction(9144, 10000) / 3, LENGTH),
    "s": (Fraction(1), TIME),
    "min": (Fraction(60), TIME),
    "h": (Fraction(3600), TIME),
    "kg": (Fraction(1), MASS),
    "g": (Fraction(1, 1000), MASS),
    "lb": (Fraction(45359237, 100000000), MASS),
}
SI = ("m", "s", "kg")
NONE = (0, 0, 0)


class DimensionError(Exception):
    pass


def scaled(dims, k):
    return tuple(d * k for d in dims)


def added(a, b):
    return tuple(x + y for x, y in zip(a, b))


def literal(text):
    """5, 2.5, or 3/4 (the ratio of integers calc reads as one number before a unit)."""
    if "/" in text:
        p, q = text.split("/")
        return Fraction(int(p), int(q))
    return Fraction(text)


def unit(name, power):
    size, dims = UNITS[name]
    return size**power, scaled(dims, power)


def evaluate(tree):
    """(value in SI base units, dimension)."""
    op = tree[0]
    if op == "q":
        size, dims = unit(tree[2], tree[3])
        return literal(tree[1]) * size, dims
    if op == "n":
        return Fraction(tree[1]), NONE
    if op == "neg":
        value, dims = evaluate(tree[1])
        return -value, dims
    if op == "pow":
        value, dims = evaluate(tree[1])
        return value ** tree[2], scaled(dims, tree[2])  # ZeroDivisionError for 0^-1
    if op == "sum":
        parts = [unit(name, 1) for _, name in tree[1:]]
        if any(dims != parts[0][1] for _, dims in parts):
            raise DimensionError
        return sum(Fraction(n) * size for (n, _), (size, _) in zip(tree[1:], parts)), parts[0][1]
    if op == "to":
        value, dims = evaluate(tree[1])
        target = NONE
        for name, power in tree[2]:
            target = added(target, unit(name, power)[1])
        if target != dims:
            # a target of the inverse dimension asks for the reciprocal (30 mpg to L/100km)
            if target != scaled(dims, -1) or dims == NONE:
                raise DimensionError
            return 1 / value, target  # ZeroDivisionError for a zero quantity
        return value, dims  # the same quantity, in other units
    a, da = evaluate(tree[1])
    b, db = evaluate(tree[2])
    if op in ("add", "sub"):
        if da != db:
            raise DimensionError
        return (a + b if op == "add" else a - b), da
    if op == "mul":
        return a * b, added(da, db)
    if op == "div":
        return a / b, added(da, scaled(db, -1))
    raise ValueError(f"unknown node {op}")


def si_unit(dims):
    """kg*m/s^2, m^2, s^-1: positive powers first, joined by *, then / and each negative one."""
    power = lambda u, p: u if p == 1 else f"{u}^{p}"
    up = [(u, p) for u, p in zip(SI, dims) if p > 0]
    down = [(u, p) for u, p in zip(SI, dims) if p < 0]
    if not up:
        return power(*down[0]) + "".join(f"/{power(u, -p)}" for u, p in down[1:])
    return "*".join(power(u, p) for u, p in up) + "".join(f"/{power(u, -p)}" for u, p in down)


def fraction(q):
    return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"


def answer(request):
    try:
        value, dims = evaluate(request["tree"])
    except ZeroDivisionError:
        return {"error": "zero"}
    except DimensionError:
        return {"error": "dimension"}
    number = fraction(value) if request["fraction"] else write(value, request["precision"])
    return {"si": None if dims == NONE else si_unit(dims), "number": number, "exact": Fraction(number) == value}


def main():
    for line in sys.stdin:
        try:
            reply = answer(json.loads(line))
        except Exception as failure:  # a bug here, not in calc: say so, and stay alive
            reply = {"oracle_failed": repr(failure)}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
