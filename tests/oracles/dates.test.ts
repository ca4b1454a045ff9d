// calc's dates, clock times and time zones (issue 19) against Python's datetime and zoneinfo
// (tests/oracles/dates_oracle.py): the issue's examples, then random cases from a fixed seed
// (FC_SEED replays a run; CALC_FUZZ_SCALE, as `npm run fuzz` sets it, multiplies their number).
// One piped calc (--json) answers every case, one python3 process judges them.
import { describe, expect, test } from "bun:test";
import { calc, root, useBinary } from "../support/binary.ts";
import { calcProcess, LineProcess, runs, scale, seed, type CalcAnswer } from "../support/processes.ts";

useBinary();

type Case = { input: string; spec: Record<string, unknown> };
type OracleAnswer = { value: string } | { error: "gap" | "fold" } | { oracle_failed: string };

/** Zones whose rules since 1975 every recent tzdata agrees on (no negative DST, as Europe/Dublin's, which ICU and zoneinfo write differently). */
const ZONES = [
  "UTC", "Europe/Berlin", "Europe/London", "Europe/Paris", "Europe/Moscow", "America/New_York", "America/Chicago",
  "America/Denver", "America/Los_Angeles", "America/Halifax", "America/St_Johns", "America/Sao_Paulo", "Asia/Kolkata",
  "Asia/Tokyo", "Asia/Kathmandu", "Asia/Tehran", "Asia/Shanghai", "Australia/Sydney", "Australia/Adelaide",
  "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham", "Africa/Johannesburg",
];

/** mulberry32: a small seeded generator, so a run is replayed by its seed. */
function generator(start: number) {
  let state = start >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { int, pick, chance: (p: number) => next() < p };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function cases(count: number, random: ReturnType<typeof generator>): Case[] {
  const { int, pick, chance } = random;
  const day = (from = 1, to = 9999) => {
    const year = int(from, to);
    const month = int(1, 12);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const last = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
    return `${pad(year, 4)}-${pad(month)}-${pad(int(1, last))}`;
  };
  // a date around a DST change more often than by chance, so that gaps and folds are met
  const wallTime = () => {
    const near = chance(0.4);
    // the last week of March and October (Europe), the first two of March, April and November (North America), …
    const date = near ? `${int(1975, 2024)}-${pick(["03", "10"])}-${pad(int(24, 31))}` : chance(0.5) ? `${int(1975, 2024)}-${pick(["03", "04", "09", "11"])}-${pad(int(1, 14))}` : day(1975, 2024);
    return `${date}T${pad(near ? int(0, 4) : int(0, 23))}:${pad(pick([0, 15, 30, 45, int(0, 59)]))}`;
  };
  const spaced = (wall: string) => wall.replace("T", " ");
  const signed = (n: number, unit: string) => `${n < 0 ? "-" : "+"} ${Math.abs(n)} ${unit}`;
  const duration = (seconds: number) => {
    const abs = Math.abs(seconds);
    const [amount, unit] = abs % 3600 === 0 && chance(0.5) ? [abs / 3600, "h"] : abs % 60 === 0 && chance(0.7) ? [abs / 60, "min"] : [abs, "s"];
    return `${seconds < 0 ? "-" : "+"} ${amount} ${unit}`;
  };
  const clock = () => `${pad(int(0, 23))}:${pad(int(0, 59))}:${pad(int(0, 59))}`;
  const all: Case[] = [];
  const makers: (() => Case)[] = [
    () => {
      // (within Python's years 1 to 9999)
      const date = day(200, 9800);
      const n = int(-40000, 40000);
      const weeks = n % 7 === 0 && chance(0.5);
      return { input: `${date} ${signed(weeks ? n / 7 : n, weeks ? "weeks" : pick(["days", "day"]))}`, spec: { op: "add_days", date, n } };
    },
    () => {
      const date = day(100, 9900);
      const n = int(-1200, 1200);
      const years = n % 12 === 0 && chance(0.5);
      return { input: `${date} ${signed(years ? n / 12 : n, years ? pick(["years", "year"]) : pick(["months", "month"]))}`, spec: { op: "add_months", date, n } };
    },
    () => {
      const [a, b] = [day(), day()];
      return { input: `${a} - ${b}`, spec: { op: "diff_dates", a, b } };
    },
    () => {
      const date = day();
      return { input: `weekday(${date})`, spec: { op: "weekday", date } };
    },
    () => {
      const a = day(2000, 2002);
      const b = chance(0.2) ? a : day(2000, 2002);
      const cmp = pick(["<", ">", "==", "!=", "<=", ">="]);
      return { input: `${a} ${cmp} ${b}`, spec: { op: "compare_dates", a, b, cmp } };
    },
    () => {
      const epoch = int(157766400, 1735689599); // 1975 to 2024
      const zone = pick(ZONES);
      const instant = new Date(epoch * 1000).toISOString().replace(".000Z", "Z");
      return { input: chance(0.5) ? `${instant} to ${zone}` : `from_unixtime(${epoch}) to ${zone}`, spec: { op: "instant_to_zone", epoch, zone } };
    },
    () => {
      const epoch = int(-62135596800, 253402300799);
      return { input: `from_unixtime(${epoch})`, spec: { op: "from_unixtime", epoch } };
    },
    () => {
      const wall = wallTime();
      const zone = pick(ZONES);
      const seconds = int(-400, 400) * pick([1, 60, 900, 3600, 86400]);
      return { input: `${spaced(wall)} ${zone} ${duration(seconds)}`, spec: { op: "zoned_add_seconds", wall, zone, seconds } };
    },
    () => {
      const wall = wallTime();
      const zone = pick(ZONES);
      const days = int(-400, 400);
      return { input: `${spaced(wall)} ${zone} ${signed(days, "days")}`, spec: { op: "zoned_add_days", wall, zone, days } };
    },
    () => {
      const [a, b] = [wallTime(), wallTime()];
      const [zoneA, zoneB] = [pick(ZONES), pick(ZONES)];
      return { input: `${spaced(a)} ${zoneA} - ${spaced(b)} ${zoneB}`, spec: { op: "zoned_diff", a, zoneA, b, zoneB } };
    },
    () => {
      const wall = wallTime();
      const zone = pick(ZONES);
      return chance(0.5)
        ? { input: `${spaced(wall)} ${zone} to unixtime`, spec: { op: "zoned_unixtime", wall, zone } }
        : { input: `${spaced(wall)} ${zone} to UTC`, spec: { op: "zoned_to_utc", wall, zone } };
    },
    () => {
      const time = clock();
      const seconds = int(-200000, 200000);
      return { input: `${time} ${duration(seconds)}`, spec: { op: "time_add", time, seconds } };
    },
    () => {
      const [a, b] = [clock(), clock()];
      return { input: `${a} - ${b}`, spec: { op: "time_diff", a, b } };
    },
    () => {
      const dt = `${day(1000, 9000)}T${clock()}`;
      const seconds = int(-1e9, 1e9);
      return { input: `${chance(0.5) ? dt : spaced(dt)} ${duration(seconds)}`, spec: { op: "datetime_add", dt, seconds } };
    },
  ];
  for (let i = 0; i < count; i++) all.push(pick(makers)());
  return all;
}

/** The issue's examples, each judged by the oracle too (tests/language/pinned.test.ts pins their text). */
const ISSUE_EXAMPLES: Case[] = [
  { input: "2026-12-04 + 90 days", spec: { op: "add_days", date: "2026-12-04", n: 90 } },
  { input: "2025-01-31 + 1 month", spec: { op: "add_months", date: "2025-01-31", n: 1 } },
  { input: "2028-02-29 + 1 year", spec: { op: "add_months", date: "2028-02-29", n: 12 } },
  { input: "2027-01-01 - 2026-12-04", spec: { op: "diff_dates", a: "2027-01-01", b: "2026-12-04" } },
  { input: "weekday(2027-03-04)", spec: { op: "weekday", date: "2027-03-04" } },
  { input: "2026-12-04 > 2026-11-30", spec: { op: "compare_dates", a: "2026-12-04", b: "2026-11-30", cmp: ">" } },
  { input: "2027-03-27 12:00 Europe/Berlin + 24 h", spec: { op: "zoned_add_seconds", wall: "2027-03-27T12:00", zone: "Europe/Berlin", seconds: 86400 } },
  { input: "2027-03-27 12:00 Europe/Berlin + 1 day", spec: { op: "zoned_add_days", wall: "2027-03-27T12:00", zone: "Europe/Berlin", days: 1 } },
  { input: "2025-06-01T12:00:00Z to Asia/Kolkata", spec: { op: "instant_to_zone", epoch: 1748779200, zone: "Asia/Kolkata" } },
  { input: "2024-07-31T13:24:00Z to Europe/Berlin", spec: { op: "instant_to_zone", epoch: 1722432240, zone: "Europe/Berlin" } },
  { input: "2026-12-04T17:05:00Z - 2026-12-04T08:20:00Z", spec: { op: "zoned_diff", a: "2026-12-04T17:05", zoneA: "UTC", b: "2026-12-04T08:20", zoneB: "UTC" } },
  { input: "18:10 - 09:25", spec: { op: "time_diff", a: "18:10:00", b: "09:25:00" } },
  { input: "2027-03-28 02:30 Europe/Berlin + 1 h", spec: { op: "zoned_add_seconds", wall: "2027-03-28T02:30", zone: "Europe/Berlin", seconds: 3600 } },
];

async function judge(cases: Case[]): Promise<{ compared: number; refused: number }> {
  const oracle = new LineProcess(["python3", `${root}tests/oracles/dates_oracle.py`]);
  const calcs = calcProcess(calc);
  const counts = { compared: 0, refused: 0 };
  for (const { input, spec } of cases) {
    const expected = JSON.parse(await oracle.ask(JSON.stringify(spec))) as OracleAnswer;
    if ("oracle_failed" in expected) throw new Error(`the oracle failed on ${input}: ${expected.oracle_failed}`);
    const answer = JSON.parse(await calcs.ask(input)) as CalcAnswer;
    if ("error" in expected) {
      counts.refused++;
      const got = "error" in answer ? { input, refused: /does not exist/.test(answer.error) ? "gap" : /is ambiguous/.test(answer.error) ? "fold" : answer.error } : answer;
      expect(got).toEqual({ input, refused: expected.error });
    } else {
      counts.compared++;
      expect({ input, value: "value" in answer ? answer.value : answer.error }).toEqual({ input, value: expected.value });
    }
  }
  return counts;
}

describe("dates, clock times and zones against Python's datetime and zoneinfo", () => {
  test("the issue's examples", async () => {
    const { refused } = await judge(ISSUE_EXAMPLES);
    expect(refused).toBe(1);
  }, 60_000);

  test("random dates, durations and zones", async () => {
    const count = runs(2400);
    console.log(`dates oracle: ${count} cases, seed ${seed} (replay with FC_SEED=${seed})`);
    const { compared, refused } = await judge(cases(count, generator(seed)));
    console.log(`dates oracle: ${compared} values compared, ${refused} skipped or doubled wall times refused`);
    expect(refused).toBeLessThan(count * 0.1);
  }, 120_000 * Math.max(1, scale));
});
