/**
 * The system's clock, for the sessions the front ends open (src/clock.ts says why the core is
 * handed one). `CALC_TEST_NOW`, an instant in ISO form (2026-12-04T10:00:00Z), fixes `now` for the
 * tests (docs/testing.md): a name no one sets by accident, read only when `now` or `today` is.
 * The zone is the system's: the TZ environment variable, else /etc/localtime.
 */
import type { Clock } from "../clock.ts";
import { ArithmeticError } from "../errors.ts";

export const systemClock: Clock = {
  now(): bigint {
    const fixed = process.env.CALC_TEST_NOW;
    if (!fixed) return Temporal.Now.instant().epochNanoseconds;
    try {
      return Temporal.Instant.from(fixed).epochNanoseconds;
    } catch {
      throw new ArithmeticError("domain", `CALC_TEST_NOW (the tests' fixed clock) is not an instant: '${fixed}'`);
    }
  },
  timeZone(): string {
    return Temporal.Now.timeZoneId();
  },
};
