/**
 * src/lists.ts and src/bitwise.ts, loaded at their first use, as src/dates.ts is (load-dates.ts):
 * a line without a list or a bitwise operator never loads them, and a one-shot run starts without
 * them (tests/cli/startup.test.ts checks it).
 */
type Lists = typeof import("./lists.ts");
type Bits = typeof import("./bitwise.ts");

let listsModule: Lists | undefined;
let bitsModule: Bits | undefined;

export function lists(): Lists {
  return (listsModule ??= require("./lists.ts") as Lists);
}

export function bits(): Bits {
  return (bitsModule ??= require("./bitwise.ts") as Bits);
}
