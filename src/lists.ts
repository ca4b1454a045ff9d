/**
 * Lists (issue 21): `[1, 2, 3]`, the integer ranges `a..b` and `range(a, b, step)`, arithmetic item
 * by item, and the statistics over a list or over arguments. Everything is computed with the
 * operations on values (src/operations.ts), so a list of exact numbers gives exact answers, and a
 * list of quantities keeps their units: mean([3 m, 40 cm]) is 1.7 m.
 */
import { ArithmeticError } from "./errors.ts";
import { integer, isExact, type NumberContext } from "./number.ts";
import { add, divide, multiply, order, subtract, toReal } from "./operations.ts";
import { describe, List, Moment, type Numeric, type Value } from "./value.ts";

/** The most items a list may have: ten million numbers would take gigabytes. */
export const MAX_LIST_LENGTH = 1_000_000;

/** How many items pass between looks at the session's stop request. */
const INTERRUPT_INTERVAL = 4096;

function tooLong(count: bigint | number): ArithmeticError {
  return new ArithmeticError("limit", `a list of ${count} items is too long (the limit is ${MAX_LIST_LENGTH.toLocaleString("en-US")})`);
}

/** f item by item: a list with a value, a value with a list, or two lists of one length. */
export function elementwise(a: Value, b: Value, f: (x: Value, y: Value) => Value, verb: string): Value {
  if (a instanceof List && b instanceof List) {
    if (a.items.length !== b.items.length) {
      throw new ArithmeticError("dimension", `cannot ${verb} lists of different lengths (${a.items.length} and ${b.items.length})`);
    }
    return new List(a.items.map((x, i) => f(x, b.items[i]!)));
  }
  if (a instanceof List) return new List(a.items.map((x) => f(x, b)));
  return new List((b as List).items.map((y) => f(a, y)));
}

/** Two lists are equal when they have one length and equal items in order. */
export function listsEqual(a: Value, b: Value, equal: (x: Value, y: Value) => boolean): boolean {
  if (!(a instanceof List) || !(b instanceof List)) throw new ArithmeticError("type", `cannot compare ${describe(a)} and ${describe(b)}`);
  return a.items.length === b.items.length && a.items.every((x, i) => equal(x, b.items[i]!));
}

/** The integers from `from` to `to`, both included, `step` apart (none when `to` is not reached: 5..1). */
export function range(from: Value, to: Value, step: Value | undefined, ctx: NumberContext): List {
  const [a, b, s] = [from, to, step ?? integer(1)].map((v, i) => {
    const x = toReal(v, "range", ctx);
    if (!isExact(x) || x.den !== 1n) throw new ArithmeticError("type", `range needs integers${i === 2 ? " (its step too)" : ""}`);
    return x.num;
  }) as [bigint, bigint, bigint];
  if (s === 0n) throw new ArithmeticError("domain", "a range's step cannot be 0");
  const count = (b - a) / s < 0n ? 0n : (b - a) / s + 1n;
  if (count > BigInt(MAX_LIST_LENGTH)) throw tooLong(count);
  const items: Value[] = [];
  for (let k = 0n, x = a; k < count; k++, x += s) items.push(integer(x));
  return new List(items);
}

/**
 * A statistic's data: the items of its list, or its arguments (a list among several arguments gives
 * its items too: sum(1..10, 20)). Each must be a number or a quantity.
 */
export function dataOf(args: readonly Value[], name: string): Numeric[] {
  const data: Numeric[] = [];
  const take = (value: Value) => {
    if (typeof value === "boolean" || value instanceof Moment || value instanceof List) {
      throw new ArithmeticError("type", `${name} needs a number, not ${describe(value)}`);
    }
    data.push(value);
  };
  for (const arg of args) {
    if (arg instanceof List) for (const item of arg.items) take(item);
    else take(arg);
  }
  return data;
}

/** At least `count` values, or a clear error: the mean of nothing, the variance of one value. */
function atLeast(data: readonly Numeric[], count: number, name: string): void {
  if (data.length >= count) return;
  const what = count === 1 ? "at least one value" : `at least ${count} values`;
  throw new ArithmeticError("domain", `${name} needs ${what}, and was given ${data.length === 0 ? "none" : data.length}`);
}

function total(data: readonly Numeric[], ctx: NumberContext): Value {
  let sum: Value = data[0]!;
  for (let i = 1; i < data.length; i++) {
    if (i % INTERRUPT_INTERVAL === 0) checkInterrupt(ctx);
    sum = add(sum, data[i]!, ctx);
  }
  return sum;
}

function checkInterrupt(ctx: NumberContext): void {
  if (ctx.interrupt?.requested()) throw new ArithmeticError("interrupted", "interrupted");
}

export function sum(data: readonly Numeric[], ctx: NumberContext): Value {
  return data.length === 0 ? integer(0) : total(data, ctx);
}

export function product(data: readonly Numeric[], ctx: NumberContext): Value {
  let result: Value = integer(1);
  for (const [i, x] of data.entries()) {
    if (i % INTERRUPT_INTERVAL === 0) checkInterrupt(ctx);
    result = multiply(result, x, ctx);
  }
  return result;
}

export function mean(data: readonly Numeric[], ctx: NumberContext, name = "mean"): Value {
  atLeast(data, 1, name);
  return divide(total(data, ctx), integer(data.length), ctx);
}

/** In increasing order (quantities across their units); complex numbers are not ordered. */
export function sorted(data: readonly Numeric[], ctx: NumberContext): Numeric[] {
  return [...data].sort((a, b) => order(a, b, ctx));
}

export function median(data: readonly Numeric[], ctx: NumberContext): Value {
  atLeast(data, 1, "median");
  const items = sorted(data, ctx);
  const middle = Math.floor(items.length / 2);
  if (items.length % 2 === 1) return items[middle]!;
  return divide(add(items[middle - 1]!, items[middle]!, ctx), integer(2), ctx);
}

/** The most common value; of several as common, the first met (as Python's statistics.mode). */
export function mode(data: readonly Numeric[], ctx: NumberContext): Value {
  atLeast(data, 1, "mode");
  // sorted with each value's first position, then runs of equal values counted
  const byValue = data.map((value, index) => ({ value, index })).sort((a, b) => order(a.value, b.value, ctx) || a.index - b.index);
  let best = { count: 0, index: Infinity, value: data[0]! as Numeric };
  for (let start = 0; start < byValue.length; ) {
    let end = start + 1;
    while (end < byValue.length && order(byValue[start]!.value, byValue[end]!.value, ctx) === 0) end++;
    const count = end - start;
    const { index, value } = byValue[start]!;
    if (count > best.count || (count === best.count && index < best.index)) best = { count, index, value };
    start = end;
  }
  return best.value;
}

/** The sum of squared deviations from the mean over n - 1 (a sample's) or n (a population's). */
export function variance(data: readonly Numeric[], ctx: NumberContext, population: boolean, name: string): Value {
  atLeast(data, population ? 1 : 2, name);
  const m = mean(data, ctx, name);
  let squares: Value | undefined;
  for (const [i, x] of data.entries()) {
    if (i % INTERRUPT_INTERVAL === 0) checkInterrupt(ctx);
    const d = subtract(x, m, ctx);
    squares = squares === undefined ? multiply(d, d, ctx) : add(squares, multiply(d, d, ctx), ctx);
  }
  return divide(squares!, integer(population ? data.length : data.length - 1), ctx);
}

/**
 * The q-quantile, by R's type 7 (NumPy's default too): h = (n - 1)·q, between the sorted values
 * at floor(h) and the next, in proportion. Exact where the data and q are.
 */
export function quantile(data: readonly Numeric[], q: Value, ctx: NumberContext): Value {
  atLeast(data, 1, "quantile");
  const p = toReal(q, "quantile", ctx);
  if (order(p, integer(0), ctx) < 0 || order(p, integer(1), ctx) > 0) throw new ArithmeticError("domain", "quantile's q must be from 0 to 1");
  const items = sorted(data, ctx);
  const h = toReal(multiply(integer(items.length - 1), p, ctx), "quantile", ctx);
  const low = Math.min(items.length - 1, Math.max(0, Number(isExact(h) ? h.num / h.den : BigInt(h.floor().toFixed(0)))));
  const fraction = subtract(h, integer(low), ctx);
  if (low === items.length - 1) return items[low]!;
  return add(items[low]!, multiply(fraction, subtract(items[low + 1]!, items[low]!, ctx), ctx), ctx);
}

/** The smallest (sign -1) or largest (sign 1) value. */
export function extreme(data: readonly Numeric[], sign: 1 | -1, ctx: NumberContext, name: string): Value {
  atLeast(data, 1, name);
  let best = data[0]!;
  for (const x of data) if (order(x, best, ctx) * sign > 0) best = x;
  return best;
}
