/**
 * Dimensions: a vector of exponents over the SI base dimensions, plus
 * information (bits) and angle. Angles are dimensionless, as in the SI (a
 * radian is 1), so checks of compatibility ignore the angle exponent; it is
 * kept only so that `30 deg` stays an angle and prints as one.
 */

/** The base dimensions, in vector order, with the coherent unit of each. */
export const BASE_DIMENSIONS = [
  "length",
  "mass",
  "time",
  "current",
  "temperature",
  "amount",
  "luminous intensity",
  "information",
  "angle",
] as const;

export type BaseDimension = (typeof BASE_DIMENSIONS)[number];

/** Exponents, indexed as BASE_DIMENSIONS. */
export type Dimension = readonly number[];

const ANGLE = BASE_DIMENSIONS.indexOf("angle");

export const DIMENSIONLESS: Dimension = BASE_DIMENSIONS.map(() => 0);

export function baseDimension(name: BaseDimension): Dimension {
  return BASE_DIMENSIONS.map((base) => (base === name ? 1 : 0));
}

/** a · b^power. */
export function combine(a: Dimension, b: Dimension, power: number): Dimension {
  return a.map((exponent, i) => exponent + power * b[i]!);
}

/** Whether quantities of these dimensions can be added, compared and converted (angles count as 1). */
export function compatible(a: Dimension, b: Dimension): boolean {
  for (let i = 0; i < a.length; i++) if (i !== ANGLE && a[i] !== b[i]) return false;
  return true;
}

/** The same dimension, angle included: units that merge in a product. */
export function identical(a: Dimension, b: Dimension): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function isDimensionless(d: Dimension): boolean {
  return compatible(d, DIMENSIONLESS);
}

/** Nothing at all, not even an angle: such a quantity is a plain number. */
export function isNone(d: Dimension): boolean {
  return identical(d, DIMENSIONLESS);
}

/** Exponents as length^a·mass^b…, the key of the names below. */
function key(d: Dimension): string {
  return d.join(",");
}

function vector(exponents: Partial<Record<BaseDimension, number>>): Dimension {
  return BASE_DIMENSIONS.map((base) => exponents[base] ?? 0);
}

/** The dimensions people call by name, with the SI unit named for each (if there is one). */
const NAMED_DIMENSIONS: readonly (readonly [Partial<Record<BaseDimension, number>>, string, string?])[] = [
  [{}, "dimensionless"],
  [{ length: 2 }, "area"],
  [{ length: 3 }, "volume"],
  [{ length: 1, time: -1 }, "speed"],
  [{ length: 1, time: -2 }, "acceleration"],
  [{ mass: 1, length: 1, time: -2 }, "force", "N"],
  [{ mass: 1, length: 2, time: -2 }, "energy", "J"],
  [{ mass: 1, length: 2, time: -3 }, "power", "W"],
  [{ mass: 1, length: -1, time: -2 }, "pressure", "Pa"],
  [{ time: -1 }, "frequency", "Hz"],
  [{ current: 1, time: 1 }, "charge", "C"],
  [{ mass: 1, length: 2, time: -3, current: -1 }, "voltage", "V"],
  [{ mass: 1, length: 2, time: -3, current: -2 }, "resistance", "ohm"],
  [{ mass: -1, length: -2, time: 4, current: 2 }, "capacitance", "F"],
  [{ mass: -1, length: -2, time: 3, current: 2 }, "conductance", "S"],
  [{ mass: 1, length: 2, time: -2, current: -1 }, "magnetic flux", "Wb"],
  [{ mass: 1, time: -2, current: -1 }, "magnetic flux density", "T"],
  [{ mass: 1, length: 2, time: -2, current: -2 }, "inductance", "H"],
  [{ mass: 1, length: -3 }, "density"],
  [{ mass: 1, length: 1, time: -1 }, "momentum"],
  [{ mass: 1, length: 2, time: -1 }, "action"],
  [{ mass: 1, length: 2, time: -2, temperature: -1 }, "entropy"],
  [{ amount: -1 }, "per amount"],
  [{ information: 1, time: -1 }, "data rate"],
  [{ angle: 1, time: -1 }, "angular velocity"],
  [{ length: 3, time: -1 }, "volume flow"],
  [{ length: -2 }, "fuel economy"],
  [{ mass: 1, length: -1, time: -1 }, "dynamic viscosity"],
  [{ length: 2, time: -1 }, "kinematic viscosity"],
  [{ length: 2, time: -2 }, "specific energy"],
  [{ current: 1, length: -1 }, "magnetic field strength"],
  [{ current: 1, time: 1, mass: -1 }, "exposure"],
  [{ amount: 1, time: -1 }, "catalytic activity", "kat"],
  [{ amount: 1, length: -3 }, "concentration"],
  [{ angle: 2 }, "solid angle", "sr"],
  [{ "luminous intensity": 1, angle: 2 }, "luminous flux", "lm"],
  [{ "luminous intensity": 1, angle: 2, length: -2 }, "illuminance", "lx"],
  [{ "luminous intensity": 1, length: -2 }, "luminance"],
  ...BASE_DIMENSIONS.map((base) => [{ [base]: 1 }, base] as const),
];

let named: Map<string, { name: string; unit: string | undefined }> | undefined;

/** The names by dimension, made at the first question (a line of plain numbers never asks one). */
function namedDimensions(): Map<string, { name: string; unit: string | undefined }> {
  return (named ??= new Map(NAMED_DIMENSIONS.map(([exponents, name, unit]) => [key(vector(exponents)), { name, unit }])));
}

/** The SI unit named for this dimension (N for force), if there is one. */
export function namedUnitOf(d: Dimension): string | undefined {
  return namedDimensions().get(key(d))?.unit;
}

/** The name people give this dimension, if they give it one: "speed", "energy". */
export function namedDimension(d: Dimension): string | undefined {
  return namedDimensions().get(key(d))?.name;
}

/** "length", "speed", or the base dimensions with their powers: "length^2/time^3". */
export function dimensionName(d: Dimension): string {
  const named = namedDimensions().get(key(d))?.name;
  if (named) return named;
  const part = (i: number, power: number) => `${BASE_DIMENSIONS[i]}${power === 1 ? "" : `^${power}`}`;
  const up = d.flatMap((p, i) => (p > 0 ? [part(i, p)] : []));
  const down = d.flatMap((p, i) => (p < 0 ? [part(i, -p)] : []));
  if (up.length === 0) return `1/${down.join("/")}`;
  return [up.join("*"), ...down].join("/");
}

/** "a length", "an area". */
export function withArticle(name: string): string {
  return `${/^[aeiou]/.test(name) ? "an" : "a"} ${name}`;
}
