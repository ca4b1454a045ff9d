/**
 * src/dates.ts, loaded at its first use: a line without a date never loads it (Bun's require is
 * synchronous, and the bundler keeps a required module's evaluation lazy, as for decimal.js in
 * src/decimal.ts; tests/cli/startup.test.ts checks that plain arithmetic leaves it unloaded).
 */
type Dates = typeof import("./dates.ts");

let module: Dates | undefined;

export function dates(): Dates {
  return (module ??= require("./dates.ts") as Dates);
}
