/**
 * The documented bounds that keep every input finite in time and memory.
 * README "Limits" describes each one; change them together.
 */

/**
 * Decimal digits an exact number (numerator or denominator) may have. Beyond it
 * every result goes approximate — powers, products, factorials, ncr and npr
 * alike — until it passes MAX_APPROXIMATE_EXPONENT.
 */
export const MAX_EXACT_DIGITS = 50_000;

/**
 * The largest decimal exponent of an approximate number (decimal.js's maxE, and
 * minus it the smallest). Results past it are refused: factorials, ncr and npr
 * with more than 9e15 + 1 digits.
 */
export const MAX_APPROXIMATE_EXPONENT = 9e15;

/** Nesting of parentheses, signs and exponents in one expression, and the largest power of a unit: the parser checks them. */
export { MAX_NESTING, MAX_UNIT_POWER } from "../grammar/limits.ts";

/** Depth of user-function calls: a recursion 10,000 calls deep works; an endless one stops here. */
export const MAX_CALL_DEPTH = 10_000;

/** Characters in one input line. */
export const MAX_LINE_LENGTH = 200_000;

/** Display precision range, in significant digits. */
export const MIN_PRECISION = 1;
export const MAX_PRECISION = 1000;
export const DEFAULT_PRECISION = 12;

/** Extra digits carried by every approximate computation beyond the display precision. */
export const GUARD_DIGITS = 10;

/** sin, cos and tan need pi to as many digits as their argument has: arguments stay below 1e10000. */
export const MAX_TRIG_ARGUMENT_DIGITS = 10_000;

/**
 * The most digits a line's approximate values may be computed with. A line whose answer needs more
 * than the usual guard digits (sin of an approximate number with 5,000 digits before its point,
 * round(pi, 900) at -p 20) is computed again with as many as it needs, up to this: the largest
 * precision, plus the digits of the largest trigonometric argument, plus a guard.
 */
export const MAX_WORKING_DIGITS = MAX_PRECISION + MAX_TRIG_ARGUMENT_DIGITS + 100;

/** Decimal places round(x, digits) may ask for, either way. */
export const MAX_ROUND_PLACES = 10_000;

/**
 * Significant digits of the longest terminating decimal expansion printed in full. It follows from
 * MAX_EXACT_DIGITS: the longest is a 50,000-digit odd numerator over 2^166096 (the largest power of
 * two with 50,000 digits), whose expansion has 50,000 + 116,097 = 166,097 significant digits.
 */
export const MAX_TERMINATING_DIGITS = 166_097;
