/**
 * How numbers are written. An exact value whose decimal expansion ends (an
 * integer, or a fraction whose denominator has no prime factors but 2 and 5)
 * is written with every digit: calc prints the value it holds. Everything
 * else (an irrational result, or 1/3, whose expansion never ends) is rounded
 * half away from zero to `digits` significant digits, trailing zeros dropped.
 * Either way the notation is plain when the leading digit's decimal exponent
 * E is in -7 < E < digits and scientific otherwise (1e-30, 9.5367431640625e-7,
 * 3.3333333333333333333e-11, 2.6881171418161354484e43); exact integers are
 * always plain.
 */
import { decimalJs } from "./elementary.ts";
import { isExact, type Rational, type Value } from "./number.ts";

export interface Formatted {
  readonly text: string;
  /** Whether `text` is the value exactly (not rounded, not approximate). */
  readonly exact: boolean;
}

export function formatNumber(value: Value, digits: number): Formatted {
  if (isExact(value)) return formatRational(value, digits);
  if (value.isZero()) return { text: "0", exact: false };
  const rounded = value.toSignificantDigits(digits, decimalJs().ROUND_HALF_UP);
  const [mantissa, exponent] = rounded.abs().toExponential().split("e") as [string, string];
  return { text: layout(rounded.isNeg(), mantissa.replace(".", ""), Number(exponent), digits), exact: false };
}

function formatRational(r: Rational, digits: number): Formatted {
  if (r.den === 1n) return { text: r.num.toString(), exact: true };
  const negative = r.num < 0n;
  const num = negative ? -r.num : r.num;
  const scale = terminatingScale(r.den);
  if (scale !== undefined) {
    // num/den = m / 10^scale exactly; m has no trailing zeros because num/den is in lowest terms
    // (the longest such expansion has MAX_TERMINATING_DIGITS significant digits, see limits.ts)
    const mDigits = ((num * 10n ** BigInt(scale)) / r.den).toString();
    return { text: layout(negative, mDigits, mDigits.length - 1 - scale, digits), exact: true };
  }
  const { significand, exponent } = roundRational(num, r.den, digits);
  return { text: layout(negative, significand, exponent, digits), exact: false };
}

/** k such that den divides 10^k, if den has no prime factors but 2 and 5. */
function terminatingScale(den: bigint): number | undefined {
  // twos: the trailing zero bits, all at once
  const lowest = den & -den;
  const twos = lowest.toString(2).length - 1;
  den >>= BigInt(twos);
  const fives = multiplicity(den, 5n);
  den /= 5n ** BigInt(fives);
  return den === 1n ? Math.max(twos, fives) : undefined;
}

/** The exponent of p in n, by squaring p: logarithmically many divisions even for 10^100000. */
function multiplicity(n: bigint, p: bigint): number {
  if (n % p !== 0n) return 0;
  // n is divisible by p^(2^i) for i < powers.length
  const powers: bigint[] = [p];
  while (n % (powers.at(-1)! * powers.at(-1)!) === 0n) powers.push(powers.at(-1)! * powers.at(-1)!);
  let count = 0;
  for (let i = powers.length - 1; i >= 0; i--) {
    if (n % powers[i]! === 0n) {
      n /= powers[i]!;
      count += 2 ** i;
    }
  }
  return count;
}

/** num/den (both positive) rounded half-up to `digits` significant digits. */
function roundRational(num: bigint, den: bigint, digits: number): { significand: string; exponent: number } {
  // first guess of the decimal exponent from the lengths, then correct by one
  let exponent = num.toString().length - den.toString().length;
  const scaled = (e: number) => {
    const shift = digits - 1 - e;
    return shift >= 0 ? [num * 10n ** BigInt(shift), den] as const : [num, den * 10n ** BigInt(-shift)] as const;
  };
  let [n, d] = scaled(exponent);
  if (n / d < 10n ** BigInt(digits - 1)) {
    exponent -= 1;
    [n, d] = scaled(exponent);
  }
  let q = n / d;
  if (2n * (n % d) >= d) q += 1n;
  let significand = q.toString();
  if (significand.length > digits) {
    // rounding carried into a new digit: 9.99… → 10.0…
    significand = significand.slice(0, digits);
    exponent += 1;
  }
  return { significand: significand.replace(/0+$/, "") || "0", exponent };
}

/** Writes ±d.ddd × 10^exponent, given its significant digits. */
function layout(negative: boolean, significand: string, exponent: number, digits: number): string {
  significand = significand.replace(/0+$/, "") || "0";
  const sign = negative ? "-" : "";
  if (exponent <= -7 || exponent >= digits) {
    const rest = significand.slice(1);
    return `${sign}${significand[0]}${rest ? `.${rest}` : ""}e${exponent}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${significand}`;
  const whole = significand.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fraction = significand.slice(exponent + 1);
  return `${sign}${whole}${fraction ? `.${fraction}` : ""}`;
}
