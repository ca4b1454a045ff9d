"""The exact oracle for tests/oracles/differential.test.ts: Python's fractions.Fraction, not calc's code.

One JSON request a line on stdin, one JSON answer a line on stdout:
  request  {"tree": TREE, "precision": P}
  TREE     ["num", literal text] | ["bool", true|false]
           | [unary, T] with unary in neg fact pct not
           | [op, T, T] with op in add sub mul div mod fdiv pow of and or
           | ["cmp", "==" | "!=" | "<" | "<=" | ">" | ">=", T, T] | ["if", C, T, T]
           | ["to", format, T] with format in fraction mixed hex bin oct dec % (only at the top)
  answer   {"value": text, "exact": bool} | {"error": "zero" | "domain" | "type"} | {"skip": why}

Values are numbers (Fraction) or booleans. The rules, from the language's description:
- x% is x/100; `y% of x` is y% times x. `x + y%` is x·(1 + y%) and `x - y%` is x·(1 - y%) when the
  right operand is written as a percentage (the node is "pct") and the left one is not; otherwise
  (5% + 10%) they add as numbers.
- Comparisons of numbers are exact; booleans are only == or != to booleans. A comparison of a
  number and a boolean, `<` on booleans, arithmetic on a boolean, and a number where a boolean
  is needed (not, and, or, if) are type errors.
- `and` and `or` look at the right operand only if the left one does not decide; `if` evaluates
  only the branch it takes. Otherwise operands are evaluated left to right before their operator,
  and the first error met is the answer.
- to fraction: p/q (-p/q), or the integer; to mixed: w p/q (-3 1/3), p/q below 1, or the integer;
  both need an exact value (an approximate one is a domain error). to dec: as without it. to %:
  the value times 100, written as usual, then "%". to hex/bin/oct: prefix 0x 0b 0o after the
  sign; a value whose expansion in the base ends (its reduced denominator is a power of two) in
  full; otherwise rounded half away from zero to n significant digits of the base, where n is
  the least with base^n >= 10^P (as many digits as P decimal digits are worth), trailing zeros
  dropped, never in scientific notation (0x0.00ab…, 0x4350edef0177c4f4e00000000). A format is
  for numbers: on a boolean it is a type error.

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


class CalcTypeError(Exception):
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
        # a negative number to a power that is not an integer is complex (issue 20): its oracle is complex_oracle.py
        raise Skip("a complex result")
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


def number(value):
    """An operand of arithmetic: a number, exactly."""
    if isinstance(value, bool):
        raise CalcTypeError
    return exact(value)


def boolean(value):
    """A condition: a boolean."""
    if not isinstance(value, bool):
        raise CalcTypeError
    return value


def compare(op, a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        if not (isinstance(a, bool) and isinstance(b, bool)) or op not in ("==", "!="):
            raise CalcTypeError
        return (a == b) == (op == "==")
    a, b = exact(a), exact(b)
    return {"==": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


def evaluate(tree, precision):
    op = tree[0]
    if op == "num":
        return checked(literal(tree[1]))
    if op == "bool":
        return bool(tree[1])
    if op == "neg":
        return -number(evaluate(tree[1], precision))
    if op == "pct":
        return number(evaluate(tree[1], precision)) / 100
    if op == "not":
        return not boolean(evaluate(tree[1], precision))
    if op == "fact":
        n = number(evaluate(tree[1], precision))
        if n.denominator != 1 or n < 0:
            raise CalcDomainError
        if n > MAX_FACTORIAL:
            raise Skip("factorial beyond the exact range")
        return Fraction(math.factorial(n.numerator))
    if op == "if":
        taken = tree[2] if boolean(evaluate(tree[1], precision)) else tree[3]
        return evaluate(taken, precision)
    if op in ("and", "or"):
        left = boolean(evaluate(tree[1], precision))
        if left == (op == "or"):
            return left
        return boolean(evaluate(tree[2], precision))
    if op == "of":
        # a% of b: the percentage is taken before b is evaluated
        share = number(evaluate(tree[1], precision)) / 100
        return checked(share * number(evaluate(tree[2], precision)))
    if op == "cmp":
        a = evaluate(tree[2], precision)
        b = evaluate(tree[3], precision)
        return compare(tree[1], a, b)
    # left operand first, then the right one, as calc reports the first error it meets
    a = evaluate(tree[1], precision)
    b = evaluate(tree[2], precision)
    if op in ("add", "sub") and tree[2][0] == "pct" and tree[1][0] != "pct":
        # x + 10% is x increased by ten percent
        a, b = number(a), number(b)
        return checked(a * (1 + b if op == "add" else 1 - b))
    if op == "pow":
        a, b = number(a), number(b)
        result = power(a, b, precision)
        return result if isinstance(result, Inexact) else checked(result)
    a, b = number(a), number(b)
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
    return positional(negative, significand, exponent)


def positional(negative, significand, exponent):
    """Every digit in its place: how an exact value is always written."""
    significand = significand.rstrip("0") or "0"
    sign = "-" if negative else ""
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
        return positional(q < 0, str(a.numerator * 10**places // a.denominator), e)
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


DIGITS = "0123456789abcdef"


def in_base(n, base):
    """The digits of a natural number in a base."""
    if n == 0:
        return "0"
    out = []
    while n:
        n, d = divmod(n, base)
        out.append(DIGITS[d])
    return "".join(reversed(out))


def write_in_base(q, base, prefix, precision):
    """(text, exact) of a Fraction in base 2, 8 or 16 (see the module's description)."""
    sign = "-" if q < 0 else ""
    a = abs(q)
    if a == 0:
        return f"{prefix}0", True
    den = a.denominator
    if den & (den - 1) == 0:
        whole, rest = divmod(a.numerator, den)
        fraction = ""
        while rest:
            d, rest = divmod(rest * base, den)
            fraction += DIGITS[d]
        return f"{sign}{prefix}{in_base(whole, base)}{'.' + fraction if fraction else ''}", True
    n = 1
    while base**n < 10**precision:
        n += 1
    # the leading digit's exponent e: base^e <= a < base^(e+1)
    e = len(in_base(a.numerator, base)) - len(in_base(den, base))
    while Fraction(base) ** e > a:
        e -= 1
    while Fraction(base) ** (e + 1) <= a:
        e += 1
    rounded = math.floor(a / Fraction(base) ** (e - n + 1) + Fraction(1, 2))  # n digits, half up
    if rounded == base**n:
        rounded //= base
        e += 1
    digits = in_base(rounded, base).rstrip("0") or "0"
    if e < 0:
        text = "0." + "0" * (-e - 1) + digits
    else:
        whole = digits[: e + 1].ljust(e + 1, "0")
        fraction = digits[e + 1 :]
        text = whole + ("." + fraction if fraction else "")
    return f"{sign}{prefix}{text}", False


def write_fraction(q, mixed):
    if q.denominator == 1:
        return str(q.numerator)
    if not mixed:
        return f"{q.numerator}/{q.denominator}"
    sign = "-" if q < 0 else ""
    whole, rest = divmod(abs(q.numerator), q.denominator)
    return f"{sign}{str(whole) + ' ' if whole else ''}{rest}/{q.denominator}"


BASES = {"hex": (16, "0x"), "bin": (2, "0b"), "oct": (8, "0o")}


def formatted(value, fmt, precision):
    """The answer for a value written in a format (None: as usual)."""
    if fmt is not None and isinstance(value, bool):
        raise CalcTypeError
    if fmt == "dec":
        fmt = None  # the usual way
    if isinstance(value, bool):
        return {"value": "true" if value else "false", "exact": True}
    if isinstance(value, Inexact):
        if fmt in ("fraction", "mixed"):
            raise CalcDomainError  # needs an exact value
        if fmt in BASES:
            raise Skip("an approximate value in a base")
        if fmt == "%":
            return {"value": write(Fraction(value.decimal) * 100, precision, exact=False) + "%", "exact": False}
        return {"value": write_inexact(value.decimal, precision), "exact": False}
    if fmt in ("fraction", "mixed"):
        return {"value": write_fraction(value, fmt == "mixed"), "exact": True}
    if fmt in BASES:
        text, is_exact = write_in_base(value, *BASES[fmt], precision)
        return {"value": text, "exact": is_exact}
    if fmt == "%":
        text = write(value * 100, precision)
        return {"value": text + "%", "exact": Fraction(text) == value * 100}
    text = write(value, precision)
    return {"value": text, "exact": Fraction(text) == value}


def answer(request):
    precision = request["precision"]
    tree = request["tree"]
    fmt = None
    if tree[0] == "to":
        fmt, tree = tree[1], tree[2]
    try:
        return formatted(evaluate(tree, precision), fmt, precision)
    except ZeroDivisionError:
        return {"error": "zero"}
    except CalcDomainError:
        return {"error": "domain"}
    except CalcTypeError:
        return {"error": "type"}
    except Skip as why:
        return {"skip": str(why)}


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
