// Every unit of src/unit-table.ts: its definition against an independent value (the fixture that
// tests/fixtures/units/generate.py computes from its own table and cross-checks with GNU units), every
// spelling it has (symbols, long names, plurals, every prefixed form) resolving to it, no spelling that
// could be read as two units unless SHADOWS or AMBIGUOUS says which reading calc takes, and `help UNIT`
// showing the definition and its source. In-process over the whole table; through dist/calc for every
// spelling written in the table and a sample of prefixed ones.
import { describe, expect, test } from "bun:test";
import { runCommand } from "../../src/cli/commands.ts";
import { answer, type SessionPort } from "../../src/cli/protocol.ts";
import { plain, type Presentation } from "../../src/cli/present.ts";
import { builtins } from "../../src/builtins.ts";
import { Session } from "../../src/session.ts";
import { AMBIGUOUS, BINARY_PREFIXES, PHRASE_SHADOWS, SHADOWS, SI_PREFIXES, UNIT_TABLE, type UnitRow } from "../../src/unit-table.ts";
import { allUnitKinds, dimensionOf, hasOffset, lookupUnit, namesOf, scaleOf, unitOfRefs, type NamedUnit, type Scale } from "../../src/units.ts";
import { identical } from "../../src/dimension.ts";
import { parseLine } from "../../src/syntax.ts";
import { MOST_WORDS } from "../../grammar/phrases.ts";

const sameScale = (a: Scale, b: Scale) => a.piPower === b.piPower && a.factor.num === b.factor.num && a.factor.den === b.factor.den;
import { calc, root, useBinary } from "../support/binary.ts";
import { calcProcess, type CalcAnswer } from "../support/processes.ts";

useBinary();

const words = (text: string | undefined) => (text ?? "").split(" ").filter((w) => w !== "");
const kinds = allUnitKinds();

/** A spelling and the reading it has: a row, with a prefix (its text and power of 10 or 1024) or none. */
interface Reading {
  readonly row: UnitRow;
  readonly prefix?: { readonly text: string; readonly name: string; readonly base: bigint; readonly exponent: number };
}

const siPrefixes = SI_PREFIXES.flatMap(([symbols, name, exponent]) => [
  ...words(symbols).map((text) => ({ text, name, base: 10n, exponent, long: false })),
  { text: name, name, base: 10n, exponent, long: true },
]);
const binaryPrefixes = BINARY_PREFIXES.flatMap(([text, name, exponent]) => [
  { text, name, base: 1024n, exponent, long: false },
  { text: name, name, base: 1024n, exponent, long: true },
]);

/** The prefixes a row takes, read from the header of unit-table.ts (not from units.ts). */
function prefixesOf(row: UnitRow) {
  if (row.prefixes === "si") return siPrefixes;
  if (row.prefixes === "bytes") return [...siPrefixes.filter((p) => p.exponent > 0), ...binaryPrefixes];
  return [];
}

/** Long names and their plurals, as the header says: name + "s", or name/plural, or name/- for none. */
function longNames(row: UnitRow): string[] {
  return words(row.names).flatMap((word) => {
    const [name, plural] = word.split("/") as [string, string?];
    return plural === undefined ? [name, `${name}s`] : plural === "-" ? [name] : [name, plural];
  });
}

/** Every string that reads as a unit, with every reading it has. */
function everyReading(): Map<string, Reading[]> {
  const readings = new Map<string, Reading[]>();
  const add = (text: string, reading: Reading) => readings.set(text, [...(readings.get(text) ?? []), reading]);
  for (const row of UNIT_TABLE) {
    const symbols = words(row.symbols);
    const long = longNames(row);
    for (const name of new Set([...symbols, ...long])) add(name, { row });
    for (const prefix of prefixesOf(row)) {
      const bases = new Set(prefix.long ? long : [...symbols, ...words(row.prefixedOnly)]);
      for (const base of bases) {
        const text = prefix.text + base;
        if (!words(row.except).includes(text)) add(text, { row, prefix });
      }
    }
  }
  return readings;
}

const readings = everyReading();

function describeReading({ row, prefix }: Reading): string {
  const kind = kinds.find((k) => k.row === row)!;
  return `${prefix ? prefix.name : ""}${kind.longName.replaceAll(" ", "_")}`;
}

function sameReading(unit: NamedUnit | undefined, reading: Reading): boolean {
  if (!unit || unit.kind.row !== reading.row) return false;
  if (!reading.prefix) return unit.prefix === undefined;
  const { base, exponent } = reading.prefix;
  const factor = base ** BigInt(Math.abs(exponent));
  return exponent > 0 ? unit.prefix?.num === factor && unit.prefix.den === 1n : unit.prefix?.num === 1n && unit.prefix.den === factor;
}

/** The reading calc takes where there are several: the name in the table, else the longest prefix. */
function winner(options: Reading[]): Reading {
  return options.find((r) => !r.prefix) ?? [...options].sort((a, b) => b.prefix!.text.length - a.prefix!.text.length)[0]!;
}

describe("the unit table", () => {
  test("has at least 200 units, each with a definition that reads and a source", () => {
    expect(UNIT_TABLE.length).toBeGreaterThanOrEqual(200);
    expect(kinds.length).toBe(UNIT_TABLE.length);
    expect(UNIT_TABLE.filter((row) => row.source.trim() === "" || row.is.trim() === "" || words(row.symbols).length === 0)).toEqual([]);
  });

  test("no name is written in two rows", () => {
    const rowsOf = new Map<string, Set<UnitRow>>();
    for (const row of UNIT_TABLE) {
      for (const name of [...words(row.symbols), ...words(row.prefixedOnly), ...longNames(row)]) {
        rowsOf.set(name, (rowsOf.get(name) ?? new Set()).add(row));
      }
    }
    expect([...rowsOf].filter(([, rows]) => rows.size > 1).map(([name]) => name)).toEqual([]);
  });

  test("every spelling of every unit, prefixed or not, resolves to that unit", () => {
    const wrong: string[] = [];
    for (const [text, options] of readings) {
      const unit = lookupUnit(text);
      if (!sameReading(unit, winner(options))) wrong.push(`${text}: ${unit ? unit.name : "not a unit"}, expected ${describeReading(winner(options))}`);
    }
    expect(wrong).toEqual([]);
    // and nothing else is a unit: the symbols that need a prefix, and the excluded prefixed forms
    for (const row of UNIT_TABLE) for (const name of [...words(row.prefixedOnly), ...words(row.except)]) expect(lookupUnit(name)).toBeUndefined();
    expect(lookupUnit("hbar")).toBeUndefined();
    expect(lookupUnit("hectobar")?.kind.symbol).toBe("bar");
  });

  test("no spelling shadows another unit silently: SHADOWS lists every name with two readings, and what it is not", () => {
    const shadows: Record<string, string> = {};
    for (const [text, options] of readings) {
      if (options.length < 2) continue;
      const first = winner(options);
      shadows[text] = options
        .filter((r) => r !== first)
        .map(describeReading)
        .join(", ");
    }
    expect(shadows).toEqual({ ...SHADOWS });
    // the examples of the issue: each is one unit, or the one SHADOWS names
    const one = (text: string) => lookupUnit(text)?.kind.longName;
    expect([one("min"), one("in"), one("ft"), one("Pa"), one("ms"), one("Mb"), one("MB"), one("floz")]).toEqual([
      "minute",
      "inch",
      "foot",
      "pascal",
      "second",
      "bit",
      "byte",
      "fluid ounce",
    ]);
    expect(lookupUnit("ms")?.prefix?.den).toBe(1000n);
    expect(lookupUnit("Mb")?.prefix?.num).toBe(1000000n);
  });

  test("a name in words whose words are units too is that unit; PHRASE_SHADOWS lists each whose product differs", () => {
    const shadows: string[] = [];
    for (const kind of allUnitKinds()) {
      for (const name of namesOf(kind).filter((n) => n.includes("_"))) {
        const words = name.split("_");
        const phrase = words.join(" ");
        if (kind.row.compound && words.includes("per")) {
          // miles per hour is read as miles/hour, which is what the compound unit is
          expect(lookupUnit(phrase)).toBeUndefined();
          expect(new Session().evaluate(`1 ${phrase} to ${name}`)).toMatchObject({ kind: "value", text: `1 ${name}` });
          continue;
        }
        expect(lookupUnit(phrase)?.kind).toBe(kind);
        // the grammar reads it as one name: one token, one unit
        expect(words.length).toBeLessThanOrEqual(MOST_WORDS);
        const [statement] = parseLine(`1 ${phrase}`);
        // square feet, cubic yards: the unit to the power
        const power = { square: 2, cubic: 3 }[words[0]!] ?? 1;
        const ref = power === 1 ? { name: phrase, power } : { name: words.slice(1).join(" "), power };
        expect(statement).toMatchObject({ expr: { kind: "quantity", unit: ref } });
        if (!words.every((word) => lookupUnit(word))) continue;
        const product = unitOfRefs(words.map((word) => ({ name: word, power: 1, span: { start: 0, end: 0 } })));
        const same = "unit" in product && !hasOffset(product.unit) && sameScale(scaleOf(product.unit), scaleOf([{ unit: lookupUnit(phrase)!, power: 1 }]))
          && identical(dimensionOf(product.unit), kind.dimension);
        if (!same) shadows.push(phrase);
      }
    }
    expect(shadows.sort()).toEqual(Object.keys(PHRASE_SHADOWS).sort());
    expect(lookupUnit("fl oz")?.kind.longName).toBe("fluid ounce");
  });

  test("an ambiguous name is no unit, and each of its choices is one", () => {
    for (const [name, choices] of Object.entries(AMBIGUOUS)) {
      expect(lookupUnit(name)).toBeUndefined();
      expect(readings.has(name)).toBe(false);
      for (const choice of choices) expect(lookupUnit(choice)).toBeDefined();
    }
  });

  test("unit names that are also built-in names or keywords are only those decided on", () => {
    const keywords = ["to", "of", "true", "false", "and", "or", "not", "if", "then", "else"];
    const clashes = [...readings.keys()].filter((name) => builtins.has(name) || keywords.includes(name));
    // min(…) is the function and a bare min the minute (docs/units.md)
    expect(clashes).toEqual(["min"]);
  });
});

describe("help UNIT", () => {
  const session = new Session();
  const answers = answer(session);
  const port = { describeUnit: async (name: string) => answers.describeUnit(name) } as unknown as SessionPort;
  const style: Presentation = { json: false, out: plain, err: plain };

  test("describes every unit by every name with its definition and source", () => {
    const missing: string[] = [];
    for (const kind of kinds) {
      for (const name of namesOf(kind)) {
        const text = session.describeUnit(name);
        const base = /\[/.test(kind.row.is);
        if (!text || text.source !== kind.row.source || text.definition !== (base ? undefined : kind.row.is) || !text.summary.startsWith(kind.longName)) {
          missing.push(`${name}: ${JSON.stringify(text)}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  test("the help command prints the definition and the source of every unit", async () => {
    const wrong: string[] = [];
    for (const kind of kinds) {
      const reply = await runCommand(`help ${kind.symbol}`, port, style);
      const out = reply?.out ?? "";
      if (!out.includes(kind.row.source) || !out.includes(`${kind.symbol}  ${kind.longName}`)) wrong.push(`${kind.symbol}: ${JSON.stringify(reply)}`);
    }
    expect(wrong).toEqual([]);
    expect((await runCommand("help mpg", port, style))?.out).toBe(
      "mpg  mile per gallon: fuel economy, 425143.70743 m^-2\n     mi/gal: International Yard and Pound Agreement of 1959 (US Federal Register, 1959-07-01): yd = 0.9144 m, lb = 0.45359237 kg; NIST Handbook 44 (2024), appendix C: US customary units of liquid volume\n",
    );
  });
});

describe("every spelling in dist/calc", () => {
  test("1 SPELLING to SYMBOL is 1 SYMBOL, for every name in the table and prefixed samples", async () => {
    const proc = calcProcess(calc);
    let asked = 0;
    const ask = async (line: string) => {
      asked++;
      return JSON.parse(await proc.ask(line)) as CalcAnswer;
    };
    const wrong: unknown[] = [];
    for (const kind of kinds) {
      const symbol = kind.symbol;
      const expected = await ask(`1 ${symbol} to ${symbol}`);
      if ("error" in expected) {
        wrong.push({ symbol, got: expected.error });
        continue;
      }
      const spellings = [...namesOf(kind)];
      // prefixed samples: kilo, the smallest and the largest prefix, and mebi, on every symbol and the first long name
      for (const p of prefixesOf(kind.row).filter((p) => ["k", "kilo", "q", "Q", "Mi", "mebi"].includes(p.text))) {
        for (const name of p.long ? longNames(kind.row).slice(0, 1) : [...words(kind.row.symbols), ...words(kind.row.prefixedOnly)]) {
          const text = p.text + name;
          // the lexer takes the ohm sign (U+2126) only at a name's start: kΩ is written with the Greek omega
          if (name.normalize("NFKC") !== name) continue;
          const options = readings.get(text);
          if (!options || winner(options).row !== kind.row || !winner(options).prefix) continue;
          const got = await ask(`1 ${text} to ${symbol}`);
          const want = `${p.base === 1024n ? `${1024n ** BigInt(p.exponent)}` : p.exponent > 0 ? `1${"0".repeat(p.exponent)}` : `0.${"0".repeat(-p.exponent - 1)}1`} ${symbol}`;
          if ("error" in got || got.value !== want) wrong.push({ text, got: "error" in got ? got.error : got.value, want });
        }
      }
      for (const spelling of spellings) {
        const got = await ask(`1 ${spelling} to ${symbol}`);
        const value = "error" in got ? got.error : got.value;
        if (value !== expected.value) wrong.push({ spelling, got: value, want: expected.value });
      }
    }
    expect(wrong).toEqual([]);
    console.log(`${asked} lines asked of dist/calc`);
    expect(asked).toBeGreaterThan(1000);
  }, 120_000);

  test("every row has a case in the fixture that generate.py cross-checked with GNU units", async () => {
    const fixture = (await Bun.file(`${root}tests/fixtures/units/conversions.json`).json()) as { cases: { input: string }[] };
    const named = new Set<UnitRow>();
    for (const { input } of fixture.cases) {
      for (const token of input.split(/[\s*/^]+|(?<=\d)(?=[%°‰])/)) {
        const unit = /^[\d.e-]+$/.test(token) ? undefined : lookupUnit(token);
        if (unit && !unit.prefix) named.add(unit.kind.row);
      }
    }
    expect(UNIT_TABLE.filter((row) => !named.has(row)).map((row) => words(row.symbols)[0])).toEqual([]);
  });
});
