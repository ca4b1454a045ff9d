/**
 * The documented bounds the parser checks (docs/language.md, "Limits"); the core's limits.ts,
 * which holds the others, passes these on, so each is defined here only.
 */

/** Nesting of parentheses, signs and exponents in one expression. */
export const MAX_NESTING = 500;

/** The largest power of a unit (m^1000): a conversion raises an exact factor to it (0.3048^p for ft^p). */
export const MAX_UNIT_POWER = 1000;
