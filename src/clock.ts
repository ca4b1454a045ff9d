/**
 * What `now` and `today` read (issue 19). The core does no I/O, so a Session is handed its clock
 * (`new Session({ clock })`): the front ends give it the system's (src/cli/clock.ts), the tests a
 * fixed one. A session without a clock answers `now` with an error.
 */
export interface Clock {
  /** Nanoseconds since 1970-01-01T00:00:00Z. */
  now(): bigint;
  /** The local time zone's IANA name (TZ, where calc runs): the zone of `today`. */
  timeZone(): string;
}
