"""The exact oracle for tests/differential.test.ts: Python's fractions.Fraction, not calc's code.

One JSON request a line on stdin, one JSON answer a line on stdout:
  request  {"tree": TREE, "precision": P}
  TREE     ["num", literal text] | ["neg", T] | [op, T, T] with op in add sub mul div mod fdiv pow | ["fact", T]
  answer   {"value": text, "exact": bool} | {"error": "zero" | "domain"} | {"skip": why}

The literal text is the one calc reads (1_000, .5, 2.5E-3, 0xff, ...) and is parsed here by Python.
The printed text follows README "How results are written", implemented here from that text alone:
exact values whose decimal expansion ends (integers, and fractions whose denominator has no prime
factors but 2 and 5) in full; anything else rounded half away from zero to P significant digits, no
trailing zeros; scientific notation when the leading digit's exponent E is <= -7 or >= P (integers
always plain).
"""

import json
import math
import sys
from decimal import Decimal, localcontext
from fractions import Fraction

# calc keeps numbers exact up to 50,000 digits; past that it approximates, which is not this oracle's
# business: such cases are skipped (and counted by the test)
MAX_DIGITS = 20_000
MAX_FACTORIAL = 2_000


class Skip(Exception):
    pass


class CalcDomainError(Exception):
    pass


class Inexact:
    """An irrational power, known only to `digits` digits: allowed as the final result, not as an operand."""

    def __init__(self, decimal):
        self.decimal = decimal


def digits(n):
    return int(abs(n).bit_length() * 0.30103) + 1


def checked(q):
    if digits(q.numerator) > MAX_DIGITS or digits(q.denominator) > MAX_DIGITS:
        raise Skip("beyond the exact range")
    return q


def literal(text):
    text = text.replace("_", "")
    if text[:2].lower() in ("0x", "0b", "0o"):
        return Fraction(int(text, 0))
    return Fraction(text)


def exact_root(n, k):
    """The integer k-th root of n >= 0 if n is a perfect k-th power, else None."""
    if n < 2:
        return n
    if k >= n.bit_length():
        return None  # 1 < root < 2
    # Newton's iteration from above decreases to the floor of the root
    x = 1 << (n.bit_length() // k + 1)
    while True:
        y = ((k - 1) * x + n // x ** (k - 1)) // k
        if y >= x:
            break
        x = y
    r = x
    for c in (r - 1, r, r + 1):
        if c >= 0 and c**k == n:
            return c
    return None


def power(a, b, precision):
    if b.denominator == 1:
        k = b.numerator
        if a == 0 and k < 0:
            raise ZeroDivisionError
        if a != 0 and abs(a) != 1 and abs(k) * max(digits(a.numerator), digits(a.denominator)) > MAX_DIGITS:
            raise Skip("power beyond the exact range")
        return a**k
    if a < 0:
        raise CalcDomainError
    if a == 0:
        if b < 0:
            raise ZeroDivisionError
        return Fraction(0)
    q = b.denominator
    num, den = exact_root(a.numerator, q), exact_root(a.denominator, q)
    if num is not None and den is not None:
        return power(Fraction(num, den), Fraction(b.numerator), precision)
    with localcontext() as ctx:
        ctx.prec = precision + 30
        x = Decimal(a.numerator) / Decimal(a.denominator)
        y = Decimal(b.numerator) / Decimal(b.denominator)
        z = y * x.ln()
        if abs(z) > 10_000:
            raise Skip("an irrational power beyond the exact range")
        return Inexact(z.exp())


def evaluate(tree, precision):
    op = tree[0]
    if op == "num":
        return checked(literal(tree[1]))
    if op == "neg":
        return -exact(evaluate(tree[1], precision))
    if op == "fact":
        n = exact(evaluate(tree[1], precision))
        if n.denominator != 1 or n < 0:
            raise CalcDomainError
        if n > MAX_FACTORIAL:
            raise Skip("factorial beyond the exact range")
        return Fraction(math.factorial(n.numerator))
    # left operand first, then the right one, as calc reports the first error it meets
    a = exact(evaluate(tree[1], precision))
    b = exact(evaluate(tree[2], precision))
    if op == "add":
        return checked(a + b)
    if op == "sub":
        return checked(a - b)
    if op == "mul":
        return checked(a * b)
    if op == "div":
        return checked(a / b)  # ZeroDivisionError on 0
    if op == "mod":
        return a % b  # floored, the sign of the divisor, like calc's %
    if op == "fdiv":
        return Fraction(a // b)
    if op == "pow":
        result = power(a, b, precision)
        return result if isinstance(result, Inexact) else checked(result)
    raise ValueError(f"unknown node {op}")


def exact(value):
    if isinstance(value, Inexact):
        raise Skip("an irrational intermediate result")
    return value


def layout(negative, significand, exponent, precision):
    significand = significand.rstrip("0") or "0"
    sign = "-" if negative else ""
    if exponent <= -7 or exponent >= precision:
        rest = significand[1:]
        return f"{sign}{significand[0]}{'.' + rest if rest else ''}e{exponent}"
    if exponent < 0:
        return f"{sign}0.{'0' * (-exponent - 1)}{significand}"
    whole = significand[: exponent + 1].ljust(exponent + 1, "0")
    fraction = significand[exponent + 1 :]
    return f"{sign}{whole}{'.' + fraction if fraction else ''}"


def leading_exponent(a):
    """E with 10^E <= a < 10^(E+1), for a positive Fraction."""
    e = len(str(a.numerator)) - len(str(a.denominator))
    while Fraction(10) ** e > a:
        e -= 1
    while Fraction(10) ** (e + 1) <= a:
        e += 1
    return e


def terminating_places(den):
    """k with den | 10^k if den has no prime factors but 2 and 5, else None."""
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    return max(twos, fives) if den == 1 else None


def write(q, precision, exact=True):
    if q.denominator == 1 and exact:
        return str(q.numerator)
    if q == 0:
        return "0"
    a = abs(q)
    e = leading_exponent(a)
    places = terminating_places(a.denominator) if exact else None
    if places is not None:
        # an exact value whose expansion ends: every digit, whatever the precision
        return layout(q < 0, str(a.numerator * 10**places // a.denominator), e, precision)
    scaled = a / Fraction(10) ** (e - precision + 1)  # in [10^(P-1), 10^P)
    rounded = math.floor(scaled + Fraction(1, 2))  # half away from zero (a is positive)
    if rounded == 10**precision:
        rounded //= 10
        e += 1
    return layout(q < 0, str(rounded), e, precision)


def write_inexact(d, precision):
    with localcontext() as ctx:
        ctx.prec = precision + 30
        # an approximation is rounded even when it is close to a whole number
        return write(Fraction(d), precision, exact=False)


def answer(request):
    precision = request["precision"]
    try:
        value = evaluate(request["tree"], precision)
    except ZeroDivisionError:
        return {"error": "zero"}
    except CalcDomainError:
        return {"error": "domain"}
    except Skip as why:
        return {"skip": str(why)}
    if isinstance(value, Inexact):
        return {"value": write_inexact(value.decimal, precision), "exact": False}
    text = write(value, precision)
    return {"value": text, "exact": Fraction(text) == value}


def main():
    sys.set_int_max_str_digits(0)  # exact integers of any size
    for line in sys.stdin:
        try:
            reply = answer(json.loads(line))
        except Exception as failure:  # a bug here, not in calc: say so, and stay alive
            reply = {"oracle_failed": repr(failure)}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
