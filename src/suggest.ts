/**
 * "Did you mean" for unknown names. A suggestion is offered only when it is likely right, and for a
 * unit that means it never changes what was measured. The rule, in the order it is tried
 * (docs/language.md, "Hints", says the same):
 *
 * 1. A plural of a unit symbol is that symbol: `kms` is km, `ins` in (a stem of two letters or more,
 *    ending in a lower-case letter: `mAs` is not a plural; a prefix, if it has one, a common one:
 *    `ams` is not attometres).
 * 2. The closest name: a function, constant or variable (one edit away for names of 3 to 5 letters,
 *    two for longer ones; a change of case alone is no edit: `SQRT` is sqrt), or a unit, but a unit
 *    only when it is the one unit near: every unit name within one edit of the name (two from six
 *    letters on), a change of case counting as one, must mean that unit (the same dimension and
 *    factor). So `kpj` (near kph and kJ) gets nothing, nor `mw` (mW, MW) nor `kwh` (kWh, and kph),
 *    while `inh` is in and `metr` metre.
 * 3. Two units written as one word, read letter for letter as typed: a unit per or times a time
 *    (`kmh` is km/h, `kWh` kW*h, `mAh` mA*h), or a force times a length (`Nm` is N*m), when they make
 *    a quantity that has a name (a speed, an energy, a charge). Each half is a unit without a prefix
 *    or with a common one (k M G m c µ), so `pmh` is not pm/h.
 *
 * tests/language/suggest.test.ts holds the rule to the whole unit table: every near miss of every unit name (a
 * letter dropped, two swapped, one in the other case, a plural added or taken off) is suggested the
 * unit it came from, another spelling of it, the two units it spells, or nothing.
 */
import { BASE_DIMENSIONS, baseDimension, combine, identical, namedDimension, type Dimension } from "./dimension.ts";
import { allUnitKinds, longestUnitName, lookupUnit, namesOf, unitNames, type NamedUnit } from "./units.ts";

/** What an unknown name was probably meant to be, if that is likely: see the rule above. */
export function suggestName(name: string, candidates: Iterable<string>): string | undefined {
  // a one-letter name is a variable not yet defined far more often than a mistyped unit (a is not A)
  // (units first: of two names as near, the unit wins, as after a number one is meant: 5 inh is in, not int)
  return plural(name) ?? closestName(name, name.length > 1 ? [...unitNames(), ...candidates] : candidates, onlyUnitNear) ?? joinedUnits(name);
}

function plural(name: string): string | undefined {
  const stem = name.slice(0, -1);
  if (!name.endsWith("s") || stem.length < 2 || !/\p{Ll}$/u.test(stem)) return undefined;
  const unit = lookupUnit(stem);
  return unit && (!unit.prefix || JOINED_PREFIXES.some((p) => p !== "" && stem.startsWith(p))) ? stem : undefined;
}

/** The prefixes a half of a joined name may have: those people write in kWh, mAh, km/h. */
const JOINED_PREFIXES = ["", "k", "M", "G", "m", "c", "µ"];

function joinedUnits(name: string): string | undefined {
  // both halves must be unit names, so neither is longer than the longest one (and a 199,000-character
  // name is not split 199,000 ways)
  const longest = longestUnitName();
  for (let i = Math.max(1, name.length - longest); i < name.length && i <= longest; i++) {
    const a = commonUnit(name.slice(0, i));
    const b = a && commonUnit(name.slice(i));
    if (!a || !b) continue;
    // only the pairs people write as one word: per or times a time (kmh, kWh, mAh), a force times
    // a length (Nm), when they make a compound quantity people name (a speed, an energy, a charge)
    const time = identical(b.dimension, baseDimension("time"));
    if (time && compoundName(combine(a.dimension, b.dimension, -1))) return `${a.name}/${b.name}`;
    const torque = identical(a.dimension, FORCE) && identical(b.dimension, baseDimension("length"));
    if ((time || torque) && compoundName(combine(a.dimension, b.dimension, 1))) return `${a.name}*${b.name}`;
  }
  return undefined;
}

const FORCE = combine(combine(baseDimension("mass"), baseDimension("length"), 1), baseDimension("time"), -2);

/** A unit written without a prefix or with a common one. */
function commonUnit(name: string): NamedUnit | undefined {
  const unit = lookupUnit(name);
  return unit && (!unit.prefix || JOINED_PREFIXES.some((p) => p !== "" && name.startsWith(p) && lookupUnit(name.slice(p.length))?.kind === unit.kind)) ? unit : undefined;
}

function compoundName(d: Dimension): boolean {
  const name = namedDimension(d);
  return name !== undefined && name !== "dimensionless" && !(BASE_DIMENSIONS as readonly string[]).includes(name);
}

let near: string[] | undefined;

/** The unit names a suggestion must agree with: the symbols, long names and plurals, and the symbols with common prefixes. */
function unitsToAgreeWith(): string[] {
  return (near ??= [...new Set([...unitNames(), ...allUnitKinds().flatMap(namesOf)])]);
}

/** What a unit measures and how much of it: two spellings with one meaning are the same unit. */
function meaning(unit: NamedUnit): string {
  return `${unit.dimension.join(",")} ${unit.factor.num}/${unit.factor.den} pi^${unit.piPower} +${unit.kind.offset?.num ?? 0}`;
}

/**
 * Whether the suggestion is the only unit the name may have been meant as: every unit name within one
 * edit of it (two for names of six letters or more), a change of case counting as one, means that unit.
 */
function onlyUnitNear(name: string, best: string): boolean {
  const unit = lookupUnit(best);
  if (!unit) return true;
  const wanted = meaning(unit);
  const radius = name.length <= 5 ? 1 : 2;
  for (const other of unitsToAgreeWith()) {
    if (Math.abs(other.length - name.length) > radius || editDistance(name, other) > radius) continue;
    if (meaning(lookupUnit(other)!) !== wanted) return false;
  }
  return true;
}

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]![j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The candidate closest to the name, if it is close enough; `accept` may still refuse it (a unit
 * that another unit of another meaning is as close to).
 */
export function closestName(
  name: string,
  candidates: Iterable<string>,
  accept?: (name: string, best: string) => boolean,
): string | undefined {
  // short names are too easily "close" to something: only suggest for longer ones
  const allowed = name.length <= 2 ? 0 : name.length <= 5 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  let bestPrefix = 0;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    // the distance is at least the difference in length: a name that much longer or shorter is not
    // close, and its distance (which takes time and memory in the product of the lengths) is not needed
    if (Math.abs(candidate.length - name.length) > allowed) continue;
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(name, candidate);
    // among equally close names, the one that starts like the typo wins: 'pii' is 'pi', not 'phi'
    const prefix = commonPrefix(name, candidate);
    if (distance < bestDistance || (distance === bestDistance && prefix > bestPrefix)) {
      best = candidate;
      bestDistance = distance;
      bestPrefix = prefix;
    }
  }
  if (best === undefined || bestDistance > allowed || best === name) return undefined;
  return !accept || accept(name, best) ? best : undefined;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
