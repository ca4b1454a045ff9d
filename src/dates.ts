/**
 * Dates, clock times and time zones (issue 19), on the Temporal API Bun ships: reading a date
 * literal, writing a Moment, and the arithmetic, comparisons and conversions of Moments. Loaded at
 * a line's first date (src/load-dates.ts), so a line without one pays nothing for it.
 *
 * Exactness: a duration is calc's exact quantity of time; it meets a Moment as a whole number of
 * nanoseconds (BigInt), days or months, never as floating-point milliseconds. Elapsed time moves
 * an instant or a zoned date-time by its epoch nanoseconds; calendar units (day, week on a zoned
 * value and every date; month, year) move the calendar, clamping to a month's end as Temporal does.
 */
import { Complex } from "./complex.ts";
import type { CompareOp } from "../grammar/ast.ts";
import type { Clock } from "./clock.ts";
import { ArithmeticError } from "./errors.ts";
import { isExact, rational, Rational, type NumberContext, type Real } from "./number.ts";
import { formatValue } from "./format.ts";
import { convertMagnitude } from "./operations.ts";
import { closestName } from "./suggest.ts";
import { compatibleUnits, lookupUnit, type Unit } from "./units.ts";
import { describe, Moment, Quantity, type Value } from "./value.ts";

const NS_PER_SECOND = 1_000_000_000n;
const NS_PER_DAY = 86_400n * NS_PER_SECOND;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

const error = (kind: "domain" | "type" | "dimension" | "name" | "limit", message: string) => new ArithmeticError(kind, message);

/** What Temporal refuses past its range (years -271821 to 275760), said in calc's words. */
function inRange<T>(compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    if (e instanceof RangeError) throw error("limit", "the date is out of range: the calendar goes from year -271821 to year 275760");
    throw e;
  }
}

// ---- literals ---------------------------------------------------------------------------

const CLOCK = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?";
const LITERAL = new RegExp(`^(?:(\\d{4})-(\\d{2})-(\\d{2})(?:[T ]${CLOCK}(?:(Z|[+-]\\d{2}:\\d{2})(?:\\[([^\\]]+)\\])?| (.+))?)?|${CLOCK})$`);

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkDate(year: number, month: number, day: number): void {
  if (month < 1 || month > 12) throw error("domain", `there is no month ${String(month).padStart(2, "0")}: months go from 01 to 12`);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) throw error("domain", `${MONTHS[month - 1]} ${year} has ${days} days`);
}

function clockFields(hour: string, minute: string, second = "0", fraction = "") {
  const [h, m, s] = [Number(hour), Number(minute), Number(second)];
  if (h > 23) throw error("domain", `there is no hour ${hour}: hours go from 00 to 23`);
  if (m > 59) throw error("domain", `there is no minute ${minute}: minutes go from 00 to 59`);
  if (s > 59) throw error("domain", `there is no second ${second}: seconds go from 00 to 59 (leap seconds are not kept)`);
  if (fraction.length > 9) throw error("domain", "a time is kept to the nanosecond: at most 9 digits after the seconds' point");
  const ns = Number(fraction.padEnd(9, "0"));
  return { hour: h, minute: m, second: s, millisecond: Math.floor(ns / 1e6), microsecond: Math.floor(ns / 1e3) % 1000, nanosecond: ns % 1000 };
}

/** A date or time literal as the grammar's token has it: checked field by field, so that an error says what is wrong. */
export function readMoment(text: string): Moment {
  const m = LITERAL.exec(text);
  if (!m) throw error("domain", `not a date or time: ${text}`);
  const [, year, month, day, hour, minute, second, fraction, offset, bracketZone, spacedZone, tHour, tMinute, tSecond, tFraction] = m;
  if (year === undefined) return new Moment("time", Temporal.PlainTime.from(clockFields(tHour!, tMinute!, tSecond, tFraction)));
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  checkDate(date.year, date.month, date.day);
  if (hour === undefined) return new Moment("date", Temporal.PlainDate.from(date));
  const dateTime = Temporal.PlainDateTime.from({ ...date, ...clockFields(hour, minute!, second, fraction) });
  if (offset !== undefined && offset !== "Z" && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)) {
    throw error("domain", `there is no offset ${offset}: offsets go from -23:59 to +23:59`);
  }
  if (offset !== undefined) {
    if (bracketZone === undefined) return new Moment("instant", inRange(() => Temporal.Instant.from(`${dateTime.toString()}${offset}`)));
    const zone = resolveZone(bracketZone);
    try {
      return new Moment("zoned", Temporal.ZonedDateTime.from(`${dateTime.toString()}${offset}[${zone}]`, { offset: "reject" }));
    } catch {
      throw error("domain", `${zone} is not at ${offset} on ${dateTime.toString()}: it is at ${dateTime.toZonedDateTime(zone).offset}`);
    }
  }
  if (spacedZone !== undefined) return new Moment("zoned", wallClockIn(dateTime, resolveZone(spacedZone)));
  return new Moment("datetime", dateTime);
}

/**
 * A wall-clock time in a zone. One the clocks skip (the spring gap) or pass twice (the autumn
 * fold) is refused, naming what it could be: calc does not guess where the user wrote a time that
 * is not, or not one, time (Temporal's `compatible` would take the later reading in a gap, which
 * the message names, and the earlier in a fold). Arithmetic that lands in a gap or a fold
 * (zoned + 1 day) does take `compatible`'s reading, as Temporal, java.time and Python do.
 */
function wallClockIn(dateTime: Temporal.PlainDateTime, zone: string): Temporal.ZonedDateTime {
  const earlier = inRange(() => dateTime.toZonedDateTime(zone, { disambiguation: "earlier" }));
  const later = dateTime.toZonedDateTime(zone, { disambiguation: "later" });
  if (earlier.equals(later)) return earlier;
  const wall = dateTime.toString();
  if (earlier.toPlainDateTime().equals(dateTime)) {
    throw error("domain", `${wall} is ambiguous in ${zone}, where the clocks go back over it: write ${earlier.toString()} or ${later.toString()}`);
  }
  throw error("domain", `${wall} does not exist in ${zone}, where the clocks skip it (moved past the gap it would be ${later.toString()})`);
}

// ---- zones ------------------------------------------------------------------------------

let zoneList: string[] | undefined;

/** The IANA zone names, for completion and "did you mean". */
export function zoneNames(): readonly string[] {
  return (zoneList ??= [...Intl.supportedValuesOf("timeZone"), "UTC"]);
}

/** A zone name as Temporal has it (asia/kolkata is Asia/Kolkata), or an error with the nearest name. */
export function resolveZone(name: string): string {
  if (/^[A-Za-z]/.test(name)) {
    try {
      return new Temporal.ZonedDateTime(0n, name).timeZoneId;
    } catch {
      // not a zone: said below
    }
  }
  throw error("name", `unknown time zone '${name}'${zoneHint(name)}`);
}

function zoneHint(name: string): string {
  const lower = name.toLowerCase();
  const city = zoneNames().find((zone) => zone.toLowerCase().endsWith(`/${lower}`));
  const near = city ?? closestName(name, zoneNames());
  return near ? ` — did you mean '${near}'?` : "";
}

/** Whether a `to` target names a zone (or looks meant to): the evaluator asks before reading it as a unit. */
export function isZoneName(name: string): boolean {
  try {
    resolveZone(name);
    return true;
  } catch {
    return false;
  }
}

// ---- writing ------------------------------------------------------------------------------

/** The ISO text, which reads back in: 2027-03-04, 18:00:00, 2026-12-04T11:30:00Z, 2025-01-15T09:30:00+01:00[Europe/Berlin]. */
export function formatMoment(moment: Moment): string {
  if (moment.kind === "weekday") return WEEKDAYS[(moment.temporal as number) - 1]!;
  return (moment.temporal as { toString(): string }).toString();
}

// ---- durations ------------------------------------------------------------------------------

let second: Unit | undefined;
let dayUnit: Unit | undefined;
const seconds = () => (second ??= [{ unit: lookupUnit("s")!, power: 1 }]);
const days = () => (dayUnit ??= [{ unit: lookupUnit("day")!, power: 1 }]);

/** Months in each calendar unit: `+ 1 month` moves the calendar, not 30.4375 days. */
const CALENDAR_MONTHS: Readonly<Record<string, bigint>> = { month: 1n, year: 12n, decade: 120n, century: 1200n, millennium: 12000n };
/** Days in each unit a zoned value takes as calendar days (the wall clock kept across a DST change). */
const CALENDAR_DAYS: Readonly<Record<string, bigint>> = { day: 1n, week: 7n, fortnight: 14n };

/** Such a table by the units' kinds (rows of the unit table), whatever spelling a quantity was written with. */
const byKind = new Map<Readonly<Record<string, bigint>>, Map<unknown, bigint>>();

/** The quantity's unit, if it is one of `table`'s alone (no prefix, power 1), with its multiple. */
function calendarUnit(q: Quantity, table: Readonly<Record<string, bigint>>): bigint | undefined {
  if (q.unit.length !== 1) return undefined;
  const [{ unit, power }] = q.unit as [Unit[number]];
  if (power !== 1 || unit.prefix) return undefined;
  let kinds = byKind.get(table);
  if (!kinds) {
    kinds = new Map(Object.entries(table).map(([name, multiple]) => [lookupUnit(name)!.kind, multiple]));
    byKind.set(table, kinds);
  }
  return kinds.get(unit.kind);
}

/** magnitude × multiple as a whole number, or an error saying that `what` moves by whole ones. */
function whole(magnitude: Real, multiple: bigint, what: string, q: string): bigint {
  if (!isExact(magnitude)) throw error("domain", `${what}: ${q} is approximate`);
  const n = magnitude.num * multiple;
  if (n % magnitude.den !== 0n) throw error("domain", `${what}: ${q} is not a whole number of them`);
  return n / magnitude.den;
}

/** An exact duration in nanoseconds. */
function nanoseconds(q: Quantity, ctx: NumberContext, text: string): bigint {
  const s = convertMagnitude(q, seconds(), ctx);
  if (s instanceof Complex) throw error("type", `a date or time moves by a real duration, and ${text} is complex`);
  if (!isExact(s)) throw error("domain", `a date or time moves by an exact duration, and ${text} is approximate`);
  const ns = s.num * NS_PER_SECOND;
  if (ns % s.den !== 0n) throw error("domain", `a time is kept to the nanosecond, and ${text} is not a whole number of nanoseconds`);
  return ns / s.den;
}

/** A whole number as Temporal's duration field (a double): exact up to 2^53, and past that out of any calendar's range. */
function field(n: bigint): number {
  if (n > 2n ** 53n || n < -(2n ** 53n)) throw error("limit", "the date is out of range: the calendar goes from year -271821 to year 275760");
  return Number(n);
}

const inSeconds = (ns: bigint): Quantity => new Quantity(rational(ns, NS_PER_SECOND), seconds());

// ---- arithmetic ------------------------------------------------------------------------------

/** a ± b where either is a Moment: a Moment moved by a duration, or the duration between two Moments. */
export function addMoments(a: Value, b: Value, sign: 1 | -1, ctx: NumberContext): Value {
  if (a instanceof Moment && b instanceof Moment) {
    if (sign > 0) throw error("type", `cannot add ${describe(a)} and ${describe(b)}: subtract them for the time between`);
    return difference(a, b);
  }
  if (a instanceof Moment) return shift(a, b, sign, ctx);
  if (sign > 0 && b instanceof Moment) return shift(b, a, 1, ctx);
  throw error("type", `cannot subtract ${describe(b)} from ${describe(a)}`);
}

function shift(moment: Moment, by: Value, sign: 1 | -1, ctx: NumberContext): Moment {
  const verb = sign > 0 ? "add" : "subtract";
  if (!(by instanceof Quantity) || !compatibleUnits(by.unit, seconds())) {
    const hint = by instanceof Quantity || typeof by === "boolean" || by instanceof Moment ? ": a date or time moves by a duration (90 days, 2 h)" : ": write its unit (90 days, 2 h)";
    throw error(by instanceof Quantity ? "dimension" : "type", `cannot ${verb} ${describe(moment)} and ${describe(by)}${hint}`);
  }
  const text = formatValue(by, undefined, ctx).text;
  if (moment.kind === "weekday") throw error("type", `cannot ${verb} a weekday and a duration`);
  if (by.magnitude instanceof Complex) throw error("type", `a date or time moves by a real duration, and ${text} is complex`);
  const amount = sign > 0 ? by.magnitude : ctx.negate(by.magnitude);
  const months = calendarUnit(by, CALENDAR_MONTHS);
  const t = moment.temporal;
  if (months !== undefined) {
    const n = field(whole(amount, months, "the calendar moves by whole months", text));
    switch (moment.kind) {
      case "time":
        throw error("type", `a clock time has no calendar: cannot ${verb} ${text}`);
      case "instant":
        // an instant's calendar is UTC's
        return new Moment("instant", inRange(() => (t as Temporal.Instant).toZonedDateTimeISO("UTC").add({ months: n }).toInstant()));
      default:
        return new Moment(moment.kind, inRange(() => (t as Temporal.PlainDate).add({ months: n })));
    }
  }
  const calendarDays = moment.kind === "zoned" ? calendarUnit(by, CALENDAR_DAYS) : undefined;
  if (calendarDays !== undefined && isExact(amount) && (amount.num * calendarDays) % amount.den === 0n) {
    return new Moment("zoned", inRange(() => (t as Temporal.ZonedDateTime).add({ days: field((amount.num * calendarDays) / amount.den) })));
  }
  let ns = nanoseconds(by, ctx, text);
  if (sign < 0) ns = -ns;
  switch (moment.kind) {
    case "date": {
      if (ns % NS_PER_DAY !== 0n) throw error("domain", `a date moves by whole days, and ${text} is not: write a date-time (2026-12-04 00:00) for hours`);
      return new Moment("date", inRange(() => (t as Temporal.PlainDate).add({ days: field(ns / NS_PER_DAY) })));
    }
    case "time": {
      // a clock wraps at midnight
      const of = (t as Temporal.PlainTime).since(new Temporal.PlainTime()).total("nanoseconds");
      const day = (((BigInt(of) + ns) % NS_PER_DAY) + NS_PER_DAY) % NS_PER_DAY;
      return new Moment("time", new Temporal.PlainTime().add({ nanoseconds: Number(day) }));
    }
    case "datetime": {
      const utc = (t as Temporal.PlainDateTime).toZonedDateTime("UTC");
      return new Moment("datetime", inRange(() => new Temporal.ZonedDateTime(utc.epochNanoseconds + ns, "UTC").toPlainDateTime()));
    }
    case "instant":
      return new Moment("instant", inRange(() => Temporal.Instant.fromEpochNanoseconds((t as Temporal.Instant).epochNanoseconds + ns)));
    case "zoned": {
      const z = t as Temporal.ZonedDateTime;
      return new Moment("zoned", inRange(() => new Temporal.ZonedDateTime(z.epochNanoseconds + ns, z.timeZoneId)));
    }
  }
}

/** Epoch nanoseconds of an instant or a zoned value. */
function epoch(m: Moment): bigint | undefined {
  if (m.kind === "instant" || m.kind === "zoned") return (m.temporal as Temporal.Instant).epochNanoseconds;
  return undefined;
}

/** Instants and zoned values are points in time and mix; other kinds meet only their own. */
function sameKind(a: Moment, b: Moment, what: string): void {
  if (a.kind === b.kind || (epoch(a) !== undefined && epoch(b) !== undefined)) return;
  throw error("type", `cannot ${what} ${describe(a)} and ${describe(b)}: convert one first (to date, to UTC, to a zone)`);
}

function difference(a: Moment, b: Moment): Quantity {
  sameKind(a, b, "subtract");
  switch (a.kind) {
    case "date":
      return new Quantity(Rational.small((b.temporal as Temporal.PlainDate).until(a.temporal as Temporal.PlainDate).days, 1), days());
    case "time":
      return inSeconds(BigInt((b.temporal as Temporal.PlainTime).until(a.temporal as Temporal.PlainTime).total("nanoseconds")));
    case "datetime": {
      const utc = (m: Moment) => (m.temporal as Temporal.PlainDateTime).toZonedDateTime("UTC").epochNanoseconds;
      return inSeconds(utc(a) - utc(b));
    }
    case "weekday":
      throw error("type", "cannot subtract two weekdays");
    default:
      return inSeconds(epoch(a)! - epoch(b)!);
  }
}

/** -1, 0 or 1: a against b, of one kind (or both points in time). */
export function compareMoments(operator: CompareOp, a: Value, b: Value): number {
  if (!(a instanceof Moment) || !(b instanceof Moment)) throw error("type", `cannot compare ${describe(a)} and ${describe(b)}`);
  sameKind(a, b, "compare");
  switch (a.kind) {
    case "date":
      return Temporal.PlainDate.compare(a.temporal as Temporal.PlainDate, b.temporal as Temporal.PlainDate);
    case "time":
      return Temporal.PlainTime.compare(a.temporal as Temporal.PlainTime, b.temporal as Temporal.PlainTime);
    case "datetime":
      return Temporal.PlainDateTime.compare(a.temporal as Temporal.PlainDateTime, b.temporal as Temporal.PlainDateTime);
    case "weekday":
      if (operator !== "==" && operator !== "!=") throw error("type", `weekdays are equal or not, never ${operator} one another`);
      return a.temporal === b.temporal ? 0 : 1;
    default: {
      const d = epoch(a)! - epoch(b)!;
      return d > 0n ? 1 : d < 0n ? -1 : 0;
    }
  }
}

// ---- conversions ------------------------------------------------------------------------------

/** `x to Europe/Berlin`, `to UTC`, `to unixtime`, `to date`, `to time`. */
export function convertMoment(value: Value, target: string): Value {
  if (!(value instanceof Moment)) {
    throw error("type", `to ${target} converts a date or a time, not ${describe(value)}`);
  }
  const t = value.temporal;
  const point = epoch(value);
  const needsPoint = (): never => {
    throw error("type", `${describe(value)} is no point in time: give it a zone (2024-07-31 15:24 Europe/Berlin) to convert it to ${target}`);
  };
  switch (target) {
    case "unixtime":
      if (point === undefined) return needsPoint();
      return rational(point, NS_PER_SECOND);
    case "UTC":
      if (point === undefined) return needsPoint();
      return new Moment("instant", Temporal.Instant.fromEpochNanoseconds(point));
    case "date":
    case "time": {
      if (value.kind === "weekday" || value.kind === (target === "date" ? "time" : "date")) {
        throw error("type", `${describe(value)} has no ${target}`);
      }
      const wall = value.kind === "instant" ? (t as Temporal.Instant).toZonedDateTimeISO("UTC") : (t as Temporal.PlainDateTime);
      if (value.kind === target) return value;
      return new Moment(target, target === "date" ? wall.toPlainDate() : wall.toPlainTime());
    }
  }
  let zone: string;
  try {
    zone = resolveZone(target);
  } catch (e) {
    // km/h, m*s: a unit, not a zone that does not exist
    const unitLike = target.split(/[*^/]/).every((part) => part === "" || /^-?\d+$/.test(part) || lookupUnit(part) !== undefined);
    if (!unitLike) throw e;
    throw error("type", `cannot convert ${describe(value)} to ${target}: it converts to a time zone (to Europe/Berlin), to UTC, unixtime, date or time`);
  }
  if (point === undefined) return needsPoint();
  return new Moment("zoned", new Temporal.ZonedDateTime(point, zone));
}

// ---- functions --------------------------------------------------------------------------------

function clockOf(clock: Clock | undefined, name: string): Clock {
  if (!clock) throw error("domain", `${name} needs a clock, and this session has none`);
  return clock;
}

/** `now`: the clock's instant. */
export function now(clock: Clock | undefined): Moment {
  return new Moment("instant", Temporal.Instant.fromEpochNanoseconds(clockOf(clock, "now").now()));
}

/** `today`: the date now in the clock's zone (the TZ environment variable, where calc runs). */
export function today(clock: Clock | undefined): Moment {
  const { now, timeZone } = clockOf(clock, "today");
  return new Moment("date", Temporal.Instant.fromEpochNanoseconds(now()).toZonedDateTimeISO(timeZone()).toPlainDate());
}

/** from_unixtime(n): the instant n seconds after 1970-01-01T00:00:00Z, exactly (to the nanosecond). */
export function fromUnixtime(x: Real): Moment {
  if (!isExact(x)) throw error("domain", "from_unixtime needs an exact number of seconds");
  const ns = x.num * NS_PER_SECOND;
  if (ns % x.den !== 0n) throw error("domain", "from_unixtime: an instant is kept to the nanosecond, and this is not a whole number of them");
  return new Moment("instant", inRange(() => Temporal.Instant.fromEpochNanoseconds(ns / x.den)));
}

/** weekday(d): Monday … Sunday, of a date, a date-time or a zoned date-time (an instant's in UTC). */
export function weekday(value: Value): Moment {
  if (!(value instanceof Moment) || value.kind === "time" || value.kind === "weekday") {
    throw error("type", `weekday needs a date, not ${describe(value)}`);
  }
  const t = value.kind === "instant" ? (value.temporal as Temporal.Instant).toZonedDateTimeISO("UTC") : (value.temporal as Temporal.PlainDate);
  return new Moment("weekday", t.dayOfWeek);
}
