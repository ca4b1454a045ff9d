/** "Did you mean" for unknown names: the closest known name, if one is close. */
import { BASE_DIMENSIONS, combine, namedDimension, type Dimension } from "./dimension.ts";
import { longestUnitName, lookupUnit, unitNames } from "./units.ts";

/**
 * What an unknown name was probably meant to be: two units written as one
 * word (kmh is km/h, Nm is N*m, mAh is mA*h), or the closest known name or
 * unit name.
 */
export function suggestName(name: string, candidates: Iterable<string>): string | undefined {
  // a one-letter name is a variable not yet defined far more often than a mistyped unit (a is not A)
  return joinedUnits(name) ?? closestName(name, name.length > 1 ? [...candidates, ...unitNames()] : candidates);
}

function joinedUnits(name: string): string | undefined {
  // both halves must be unit names, so neither is longer than the longest one (and a 199,000-character
  // name is not split 199,000 ways)
  const longest = longestUnitName();
  for (let i = Math.max(1, name.length - longest); i < name.length && i <= longest; i++) {
    const a = lookupUnit(name.slice(0, i));
    const b = a && lookupUnit(name.slice(i));
    if (!a || !b) continue;
    // only a pair that makes a compound quantity people name: a speed, an energy, a charge
    if (compoundName(combine(a.dimension, b.dimension, -1))) return `${a.name}/${b.name}`;
    if (compoundName(combine(a.dimension, b.dimension, 1))) return `${a.name}*${b.name}`;
  }
  return undefined;
}

function compoundName(d: Dimension): boolean {
  const name = namedDimension(d);
  return name !== undefined && name !== "dimensionless" && !(BASE_DIMENSIONS as readonly string[]).includes(name);
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

export function closestName(name: string, candidates: Iterable<string>): string | undefined {
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
  return bestDistance <= allowed && best !== name ? best : undefined;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
