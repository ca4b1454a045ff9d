/**
 * Units: names resolved against the table (src/unit-table.ts), prefixes,
 * and the algebra of units — products with integer powers, how equal and
 * same-dimension units merge, and the exact factor between two units.
 *
 * A unit is a product of named units with integer exponents. A named unit
 * has a dimension and an exact factor to the coherent SI unit of that
 * dimension: a rational, times a power of pi (only angles have one, so
 * deg → turn stays exact while deg → rad is approximate). The Celsius and
 * Fahrenheit scales also have an offset.
 *
 * The table is read at the first use of a unit name, not at start-up.
 */
import {
  baseDimension,
  BASE_DIMENSIONS,
  combine,
  compatible,
  DIMENSIONLESS,
  identical,
  isNone,
  type BaseDimension,
  type Dimension,
} from "./dimension.ts";
import type { UnitRef } from "../grammar/ast.ts";
import { ArithmeticError } from "./errors.ts";
import { MAX_UNIT_POWER } from "./limits.ts";
import { exactLiteral, ONE, rational, Rational } from "./number.ts";
import { AMBIGUOUS, BINARY_PREFIXES, NAMES_FOR_PRODUCTS, NOT_UNITS, SI_PREFIXES, UNIT_TABLE, type UnitRow } from "./unit-table.ts";

/** One row of the table, with its definition worked out. */
export interface UnitKind {
  readonly row: UnitRow;
  /** The first symbol and the first long name, for help. */
  readonly symbol: string;
  readonly longName: string;
  readonly dimension: Dimension;
  readonly factor: Rational;
  readonly piPower: number;
  readonly offset?: Rational;
  /** A compound unit's definition (mph: mi/h), for splitting it when a part cancels. */
  readonly parts?: Unit;
}

/** A unit name as the user wrote it ("km", "kilometres"), resolved. */
export interface NamedUnit {
  readonly name: string;
  readonly kind: UnitKind;
  /** The prefix's factor (1000 for k), when there is a prefix. */
  readonly prefix?: Rational;
  readonly dimension: Dimension;
  /** The factor to the coherent SI unit, times pi^piPower. */
  readonly factor: Rational;
  readonly piPower: number;
}

export interface UnitFactor {
  readonly unit: NamedUnit;
  readonly power: number;
}

/** A product of named units, in the order they were met; never two factors of one name. */
export type Unit = readonly UnitFactor[];

/** An exact conversion factor: factor × pi^piPower. */
export interface Scale {
  readonly factor: Rational;
  readonly piPower: number;
}

export const UNITY: Scale = { factor: ONE, piPower: 0 };

// ---- the index of names --------------------------------------------------

interface Entry {
  readonly row: UnitRow;
  /** A symbol takes the prefix symbols (km), a long name the long prefixes (kilometre); "bar" is both. */
  symbol: boolean;
  long: boolean;
  /** False for a symbol that stands only after a prefix (the b of Mb). */
  bare: boolean;
}

let index: Map<string, Entry> | undefined;
/** Prefixed spellings that are not units (hbar is not the hectobar). */
let excluded: Set<string> | undefined;
const resolved = new Map<string, NamedUnit | null>();
const kinds = new Map<UnitRow, UnitKind>();

function nameIndex(): Map<string, Entry> {
  if (index) return index;
  index = new Map();
  excluded = new Set();
  const add = (name: string, row: UnitRow, long: boolean, bare = true) => {
    const entry = index!.get(name) ?? { row, symbol: false, long: false, bare };
    if (long) entry.long = true;
    else entry.symbol = true;
    index!.set(name, entry);
  };
  for (const row of UNIT_TABLE) {
    for (const symbol of words(row.symbols)) add(symbol, row, false);
    for (const symbol of words(row.prefixedOnly ?? "")) add(symbol, row, false, false);
    for (const [name, plural] of longNames(row)) {
      add(name, row, true);
      if (plural) add(plural, row, true);
    }
    for (const name of words(row.except ?? "")) excluded.add(name);
  }
  return index;
}

function words(text: string): string[] {
  return text.split(" ").filter((word) => word !== "");
}

/** [name, plural or undefined] for each long name of a row. */
function longNames(row: UnitRow): [string, string | undefined][] {
  return words(row.names).map((word) => {
    const [name, plural] = word.split("/") as [string, string?];
    return [name, plural === undefined ? `${name}s` : plural === "-" ? undefined : plural];
  });
}

interface Prefix {
  readonly text: string;
  readonly long: boolean;
  readonly factor: Rational;
  readonly binary: boolean;
}

let prefixList: Prefix[] | undefined;

/** Every prefix, longest first, so "da" is tried before "d". */
function prefixes(): Prefix[] {
  if (prefixList) return prefixList;
  const list: Prefix[] = [];
  const power = (base: bigint, exponent: number) =>
    exponent >= 0 ? new Rational(base ** BigInt(exponent), 1n) : new Rational(1n, base ** BigInt(-exponent));
  for (const [symbols, name, exponent] of SI_PREFIXES) {
    const factor = power(10n, exponent);
    for (const symbol of words(symbols)) list.push({ text: symbol, long: false, factor, binary: false });
    list.push({ text: name, long: true, factor, binary: false });
  }
  for (const [symbol, name, exponent] of BINARY_PREFIXES) {
    const factor = power(1024n, exponent);
    list.push({ text: symbol, long: false, factor, binary: true }, { text: name, long: true, factor, binary: true });
  }
  prefixList = list.sort((a, b) => b.text.length - a.text.length);
  return prefixList;
}

let longest: number | undefined;

/** The length of the longest name a unit can have: the longest prefix before the longest name. */
export function longestUnitName(): number {
  return (longest ??= Math.max(...prefixes().map((p) => p.text.length)) + Math.max(...[...nameIndex().keys()].map((n) => n.length)));
}

/** Whether a prefix may stand before this row's names: bytes take the multiples and the binary ones. */
function takesPrefix(row: UnitRow, prefix: Prefix): boolean {
  if (row.prefixes === "si") return !prefix.binary;
  if (row.prefixes === "bytes") return prefix.binary || prefix.factor.den === 1n;
  return false;
}

/** The unit a name means ("km", "kilometres", "°C"), or undefined if it is not a unit. */
export function lookupUnit(name: string): NamedUnit | undefined {
  // a name longer than any unit's is none, and is not remembered: a line may hold a 199,000-character name
  if (name.length > longestUnitName()) return undefined;
  const cached = resolved.get(name);
  if (cached !== undefined) return cached ?? undefined;
  const unit = resolve(name);
  resolved.set(name, unit ?? null);
  return unit;
}

/** Whether a name is in the unit table (the parser asks, to group `5 m / 2 s` as (5 m)/(2 s)). */
export function isUnitName(name: string): boolean {
  return lookupUnit(name) !== undefined;
}

function resolve(name: string): NamedUnit | undefined {
  const names = nameIndex();
  const key = tableKey(name);
  const exact = names.get(key);
  // miles per hour in words is read by the grammar as miles/hour (mi/h), which is what mph is;
  // a name in words that is not its quotient (revolutions per minute, the rpm) stays the table's
  if (exact?.row.compound && key !== name && key.includes("_per_")) return undefined;
  if (exact?.bare) return named(name, kindOf(exact.row));
  if (excluded!.has(key)) return undefined;
  for (const prefix of prefixes()) {
    if (!key.startsWith(prefix.text) || key.length === prefix.text.length) continue;
    const entry = names.get(key.slice(prefix.text.length));
    if (entry && (prefix.long ? entry.long : entry.symbol) && takesPrefix(entry.row, prefix)) {
      return named(name, kindOf(entry.row), prefix.factor);
    }
  }
  return undefined;
}

function named(name: string, kind: UnitKind, prefix?: Rational): NamedUnit {
  const factor = prefix ? multiplyRational(kind.factor, prefix) : kind.factor;
  return { name, kind, prefix, dimension: kind.dimension, factor, piPower: kind.piPower };
}

/** The long name of the prefix a prefixed unit name starts with: "kilo" for km, "kibi" for KiB. */
export function prefixName(name: string, unit: NamedUnit): string {
  const found = unit.prefix && prefixes().find((p) => name.startsWith(p.text) && p.factor.num === unit.prefix!.num && p.factor.den === unit.prefix!.den);
  if (!found) return "";
  if (found.long) return found.text;
  const table = found.binary ? BINARY_PREFIXES : SI_PREFIXES;
  return table.find(([symbols]) => words(symbols).includes(found.text))?.[1] ?? "";
}

/** A name as the table writes it: one written in words (fl oz, nautical mile) has underscores there. */
function tableKey(name: string): string {
  return name.includes(" ") ? name.replaceAll(" ", "_") : name;
}

/** Why a name people write as a unit is none, and what to write instead (dB). */
export function notAUnit(name: string): string | undefined {
  return Object.hasOwn(NOT_UNITS, name) ? NOT_UNITS[name] : undefined;
}

/** The names that mean more than one unit, and what to write instead. */
export function ambiguousUnit(name: string): readonly string[] | undefined {
  return Object.hasOwn(AMBIGUOUS, name) ? AMBIGUOUS[name] : undefined;
}

/** Every row, worked out: for help, completion and `:units`. */
export function allUnitKinds(): UnitKind[] {
  return UNIT_TABLE.map(kindOf);
}

/** Every name of a row as the table writes it: symbols, long names and plurals. */
export function namesOf(kind: UnitKind): string[] {
  return [...words(kind.row.symbols), ...longNames(kind.row).flatMap(([name, plural]) => (plural ? [name, plural] : [name]))];
}

/** Every symbol and long name (not the plurals), and the prefixed symbols most used: for completion and suggestions. */
export function unitNames(): string[] {
  const common = ["k", "M", "G", "m", "c", "µ", "n"];
  const names = UNIT_TABLE.flatMap((row) => [...words(row.symbols), ...longNames(row).map(([name]) => name)]);
  for (const row of UNIT_TABLE) {
    if (!row.prefixes) continue;
    const symbols = [...words(row.symbols), ...words(row.prefixedOnly ?? "")];
    for (const symbol of symbols) for (const p of common) if (isUnitName(p + symbol)) names.push(p + symbol);
  }
  return [...new Set(names)];
}

// ---- definitions ---------------------------------------------------------

function kindOf(row: UnitRow): UnitKind {
  let kind = kinds.get(row);
  if (kind) return kind;
  const definition = readDefinition(row.is);
  const [symbol = ""] = words(row.symbols);
  const [[longName] = [symbol]] = longNames(row);
  kind = {
    row,
    symbol,
    longName: longName.replaceAll("_", " "),
    dimension: definition.dimension,
    factor: definition.scale.factor,
    piPower: definition.scale.piPower,
    offset: row.offset === undefined ? undefined : decimalRational(row.offset),
    parts: row.compound ? definition.unit : undefined,
  };
  kinds.set(row, kind);
  return kind;
}

interface Definition {
  readonly scale: Scale;
  readonly dimension: Dimension;
  /** The named units it was written with. */
  readonly unit: Unit;
}

/**
 * Reads the table's definition language: "2.54 cm", "550 ft*lbf/s",
 * "pi/180 rad", "1/1000 [mass]", "s^-1". Items multiply; "/" divides by the
 * next item only.
 */
export function readDefinition(text: string): Definition {
  let factor = ONE;
  let piPower = 0;
  let dimension = DIMENSIONLESS;
  let unit: Unit = [];
  const tokens = text.match(/\[[a-z ]+\]|[*/]|[^\s*/]+/g) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i]!;
    let sign = 1;
    if (token === "*") continue;
    if (token === "/") {
      sign = -1;
      token = tokens[++i] ?? "";
    }
    const [base, exponent = "1"] = token.split("^") as [string, string?];
    const power = sign * Number(exponent);
    if (/^[\d.]/.test(base)) {
      factor = multiplyRational(factor, powerRational(decimalRational(base), power));
    } else if (base === "pi") {
      piPower += power;
    } else if (base.startsWith("[")) {
      const name = base.slice(1, -1) as BaseDimension;
      if (!BASE_DIMENSIONS.includes(name)) throw new Error(`unit table: no dimension ${base}`);
      dimension = combine(dimension, baseDimension(name), power);
    } else {
      const named = lookupUnit(base);
      if (!named) throw new Error(`unit table: '${base}' in '${text}' is not defined above it`);
      factor = multiplyRational(factor, powerRational(named.factor, power));
      piPower += named.piPower * power;
      dimension = combine(dimension, named.dimension, power);
      unit = [...unit, { unit: named, power }];
    }
  }
  return { scale: { factor, piPower }, dimension, unit };
}

/** "2.54", "1.602176634e-19", "5" as an exact rational. */
function decimalRational(text: string): Rational {
  const match = /^(\d+)(?:\.(\d+))?(?:e(-?\d+))?$/.exec(text);
  if (!match) throw new Error(`unit table: '${text}' is not a number`);
  const [, whole, fraction = "", exp = "0"] = match;
  const exponent = Number(exp) - fraction.length;
  const digits = BigInt(whole! + fraction);
  return exponent >= 0 ? new Rational(digits * 10n ** BigInt(exponent), 1n) : rational(digits, 10n ** BigInt(-exponent));
}

export function multiplyRational(a: Rational, b: Rational): Rational {
  return a.den === 1n && b.den === 1n ? new Rational(a.num * b.num, 1n) : rational(a.num * b.num, a.den * b.den);
}

export function powerRational(a: Rational, power: number): Rational {
  if (power === 1) return a;
  const k = BigInt(Math.abs(power));
  return power >= 0 ? new Rational(a.num ** k, a.den ** k) : rational(a.den ** k, a.num ** k);
}

// ---- the algebra of units -------------------------------------------------

export function dimensionOf(unit: Unit): Dimension {
  let dimension = DIMENSIONLESS;
  for (const { unit: named, power } of unit) dimension = combine(dimension, named.dimension, power);
  return dimension;
}

/** The factor of the whole product to the coherent SI unit. */
export function scaleOf(unit: Unit): Scale {
  let factor = ONE;
  let piPower = 0;
  for (const { unit: named, power } of unit) {
    factor = multiplyRational(factor, powerRational(named.factor, power));
    piPower += named.piPower * power;
  }
  return { factor, piPower };
}

/**
 * The named unit a product of two or more units is printed in, if one of NAMES_FOR_PRODUCTS (with no
 * prefix or one that is a power of 1000) has its dimension and exactly its factor: V*A is W, V/kohm
 * is mA, kW*h is kWh. Only the name changes, never the number; lbf*ft, km/h and J/kg have none.
 */
export function productName(unit: Unit): Unit | undefined {
  if (unit.length < 2) return undefined;
  const { factor, piPower } = scaleOf(unit);
  const name = namesForProducts().get(`${dimensionOf(unit).join()} ${factor.num}/${factor.den} ${piPower}`);
  return name === undefined ? undefined : [{ unit: lookupUnit(name)!, power: 1 }];
}

let productNames: Map<string, string> | undefined;

/** Every candidate of productName by its dimension and factor: made at the first product printed. */
function namesForProducts(): Map<string, string> {
  if (productNames) return productNames;
  productNames = new Map();
  const thousands = ["", ...SI_PREFIXES.filter(([, , exponent]) => exponent % 3 === 0).map(([symbols]) => words(symbols)[0]!)];
  for (const symbol of words(NAMES_FOR_PRODUCTS)) {
    for (const prefix of thousands) {
      const unit = lookupUnit(prefix + symbol);
      // (a prefixed name that is some other unit's is not a candidate)
      if (!unit || unit.kind !== lookupUnit(symbol)!.kind) continue;
      const key = `${unit.dimension.join()} ${unit.factor.num}/${unit.factor.den} ${unit.piPower}`;
      if (!productNames.has(key)) productNames.set(key, prefix + symbol);
    }
  }
  return productNames;
}

/** a / b as a scale. */
export function ratio(a: Scale, b: Scale): Scale {
  return { factor: multiplyRational(a.factor, powerRational(b.factor, -1)), piPower: a.piPower - b.piPower };
}

function times(a: Scale, b: Scale): Scale {
  return { factor: multiplyRational(a.factor, b.factor), piPower: a.piPower + b.piPower };
}

/** The Celsius or Fahrenheit scale, when that is all the unit is. */
export function offsetScale(unit: Unit): NamedUnit | undefined {
  const [only] = unit;
  return unit.length === 1 && only!.power === 1 && only!.unit.kind.offset !== undefined ? only!.unit : undefined;
}

export function hasOffset(unit: Unit): boolean {
  return unit.some(({ unit: named }) => named.kind.offset !== undefined);
}

/** unit^power (power an integer, or a fraction that divides every exponent). */
export function raiseUnit(unit: Unit, power: number): Unit {
  return boundedPowers(unit.map(({ unit: named, power: p }) => ({ unit: named, power: p * power })));
}

/** A unit whose powers are within MAX_UNIT_POWER, or a limit error. */
export function boundedPowers<U extends Unit>(unit: U): U {
  for (const { unit: named, power } of unit) {
    if (Math.abs(power) > MAX_UNIT_POWER) {
      throw new ArithmeticError("limit", `unit power too large: ${named.name}^${power} (the limit is ${MAX_UNIT_POWER})`);
    }
  }
  return unit;
}

export interface Product {
  readonly unit: Unit;
  /** What the magnitudes' product must be multiplied by, for the units that were converted to merge. */
  readonly scale: Scale;
}

/**
 * a · b^sign (sign -1 divides). Each factor of b joins the factor of the
 * same name, or else the first factor of the same dimension (converted to
 * it, so 1 m * 20 cm is 0.2 m^2 and 100 km/h * 30 min is 50 km), or else is
 * appended. A compound unit of either side (mph, kWh) is first split into its
 * parts when one of them would cancel against the other side.
 */
export function multiplyUnits(a: Unit, b: Unit, sign: 1 | -1): Product {
  let scale = UNITY;
  let left = a;
  let right = raiseUnit(b, sign);
  const splitLeft = splitCompounds(left, right);
  const splitRight = splitCompounds(right, left);
  left = splitLeft.unit;
  right = splitRight.unit;
  scale = times(splitLeft.scale, splitRight.scale);
  const result: UnitFactor[] = [...left];
  for (const factor of right) {
    let at = result.findIndex((f) => f.unit.name === factor.unit.name);
    if (at === -1) {
      at = result.findIndex((f) => f.power !== 0 && !isNone(f.unit.dimension) && identical(f.unit.dimension, factor.unit.dimension));
      if (at !== -1) {
        const into = result[at]!.unit;
        const converted = ratio({ factor: factor.unit.factor, piPower: factor.unit.piPower }, { factor: into.factor, piPower: into.piPower });
        scale = times(scale, { factor: powerRational(converted.factor, factor.power), piPower: converted.piPower * factor.power });
      }
    }
    if (at === -1) result.push(factor);
    else result[at] = { unit: result[at]!.unit, power: result[at]!.power + factor.power };
  }
  return { unit: boundedPowers(result.filter((f) => f.power !== 0)), scale };
}

/** `unit` with each compound factor replaced by its parts where a part would cancel against `other`. */
function splitCompounds(unit: Unit, other: Unit): Product {
  let scale = UNITY;
  const result: UnitFactor[] = [];
  for (const factor of unit) {
    const parts = factor.unit.kind.parts;
    const cancels = parts?.some((part) =>
      other.some((o) => identical(o.unit.dimension, part.unit.dimension) && Math.sign(o.power) === -Math.sign(part.power * factor.power)),
    );
    if (!parts || !cancels) {
      result.push(factor);
      continue;
    }
    // a prefix moves to the first part (kWh is kW·h); 1 mph is exactly 1 mi/h
    const [first, ...rest] = parts;
    const prefixed = factor.unit.prefix ? prefixedPart(first!, factor.unit.prefix) : undefined;
    if (factor.unit.prefix && !prefixed) scale = times(scale, { factor: powerRational(factor.unit.prefix, factor.power), piPower: 0 });
    for (const part of prefixed ? [prefixed, ...rest] : parts) result.push({ unit: part.unit, power: part.power * factor.power });
  }
  return { unit: result, scale };
}

function prefixedPart(part: UnitFactor, prefix: Rational): UnitFactor | undefined {
  if (part.unit.prefix || !part.unit.kind.row.prefixes) return undefined;
  const symbol = SI_PREFIXES.find(([, , exponent]) =>
    exponent >= 0 ? prefix.den === 1n && prefix.num === 10n ** BigInt(exponent) : prefix.num === 1n && prefix.den === 10n ** BigInt(-exponent),
  );
  const unit = symbol ? lookupUnit(`${words(symbol[0])[0]}${part.unit.name}`) : undefined;
  return unit ? { unit, power: part.power } : undefined;
}

/** Unit names and powers as written (`kg*m/s^2`) as a unit, or the first name that is not a unit. */
export function unitOfRefs(refs: readonly UnitRef[]): { readonly unit: Unit } | { readonly unknown: UnitRef } {
  const unit: { unit: NamedUnit; power: number }[] = [];
  for (const ref of refs) {
    const found = lookupUnit(ref.name);
    if (!found) return { unknown: ref };
    const named = ref.scale ? scaledUnit(found, ref.scale.text) : found;
    const same = unit.find((f) => f.unit.name === named.name);
    if (same) same.power += ref.power;
    else unit.push({ unit: named, power: ref.power });
  }
  return { unit: boundedPowers(unit.filter((f) => f.power !== 0)) };
}

/**
 * A unit a number times a named one, as a target writes it after '/': the 100km of L/100km, its
 * name the two written together. The number is a positive exact literal (the parser's token).
 */
function scaledUnit(unit: NamedUnit, text: string): NamedUnit {
  const scale = exactLiteral(text);
  if (!scale || scale.num <= 0n) throw new ArithmeticError("domain", `a unit's scale must be a positive number: ${text}`);
  if (unit.kind.offset) throw new ArithmeticError("dimension", `${unit.name} is a temperature scale: a number cannot scale it`);
  return { ...unit, name: `${text}${unit.name}`, factor: multiplyRational(unit.factor, scale) };
}

/** Whether values in these units can be added, compared or converted. */
export function compatibleUnits(a: Unit, b: Unit): boolean {
  return compatible(dimensionOf(a), dimensionOf(b));
}

// ---- writing units ------------------------------------------------------------

/** As it can be typed back in: "m", "km/h", "kg*m/s^2", "J/(kg*K)", "mol^-1". */
export function formatUnit(unit: Unit): string {
  const power = (f: UnitFactor, p: number) => (p === 1 ? f.unit.name : `${f.unit.name}^${p}`);
  const up = unit.filter((f) => f.power > 0).map((f) => power(f, f.power));
  const down = unit.filter((f) => f.power < 0);
  if (up.length === 0) return down.map((f) => power(f, f.power)).join("*");
  if (down.length === 0) return up.join("*");
  const denominator = down.map((f) => power(f, -f.power));
  return `${up.join("*")}/${denominator.length === 1 ? denominator[0] : `(${denominator.join("*")})`}`;
}

/**
 * A product or a power of units with each long name written as its symbol: miles/hour is mi/h,
 * square feet ft^2. A unit alone keeps its spelling (2 feet), as a `to` target keeps its own.
 */
export function inSymbols(unit: Unit): Unit {
  if (unit.length === 1 && unit[0]!.power === 1) return unit;
  return unit.map((f) => {
    const symbol = symbolOf(f.unit);
    return symbol === f.unit.name ? f : { ...f, unit: { ...f.unit, name: symbol } };
  });
}

/** kilometres → km, hour → h; a symbol, or a name whose row has none, as it is. */
function symbolOf(unit: NamedUnit): string {
  const names = nameIndex();
  const symbolOfRow = words(unit.kind.row.symbols)[0];
  const key = tableKey(unit.name);
  const entry = names.get(key);
  let candidate: string | undefined;
  if (entry?.bare && !unit.prefix) {
    if (entry.symbol) return unit.name;
    candidate = symbolOfRow;
  } else if (unit.prefix) {
    const prefix = prefixes().find((p) => key.startsWith(p.text) && names.get(key.slice(p.text.length))?.row === unit.kind.row);
    if (!prefix || !prefix.long) return unit.name;
    const symbols = prefixes().filter((p) => !p.long && p.binary === prefix.binary && p.factor.num === prefix.factor.num && p.factor.den === prefix.factor.den);
    candidate = symbols.map((p) => p.text + symbolOfRow).find((name) => lookupUnit(name) !== undefined);
  }
  // only a symbol that reads back as this very unit
  const back = candidate === undefined ? undefined : lookupUnit(candidate);
  return back && back.kind === unit.kind && back.factor.num === unit.factor.num && back.factor.den === unit.factor.den ? candidate! : unit.name;
}

/** Units written right after the number without a space: 25%, 30°. */
export function joinsWithoutSpace(unit: Unit): boolean {
  return unit.length === 1 && unit[0]!.power === 1 && unit[0]!.unit.name === "°";
}
