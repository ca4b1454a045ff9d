/**
 * What a name is made of. tokens.ts makes the name token of it, and the
 * REPL's completion finds the name being typed with it; that one loads
 * before the grammar (and chevrotain) does, so this module imports nothing.
 * And what the parser is told of names by the core (CoreNames).
 */

// Letters: ASCII, Latin-1/Latin Extended (without × and ÷), Greek and the micro sign, so π τ φ
// are names and so are µm, Å and kΩ. A name may also start with one of the unit symbols that are
// not letters: ° (°C, °F, and 30° alone), ℃ ℉ ‰, and the Ångström and ohm signs Å Ω.
const letter = "A-Za-z_\\u00B5\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0391-\\u03A9\\u03B1-\\u03C9";
const symbolStart = "\\u00B0\\u2103\\u2109\\u2030\\u212B\\u2126";

/** A name, as a regular expression's source: a letter or unit symbol, then letters and digits. */
export const NAME = `[${letter}${symbolStart}][${letter}0-9]*`;

/**
 * What the parser must know of the names the core gives meaning to, which the grammar does not
 * know: whether a name is a unit (`5 m` is a quantity, `5 x` a product), and whether it is a
 * built-in function (`2 min` is two minutes, `2 min(3, 4)` twice the smaller). The core hands
 * them to `parse` with each line.
 */
export interface CoreNames {
  isUnit(name: string): boolean;
  isFunction(name: string): boolean;
}
