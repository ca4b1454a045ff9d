/**
 * A line's statements, as the core reads them with the grammar (grammar/read.ts): told which
 * names are units and which are built-in functions, and with the grammar's errors made
 * CalcErrors of the same kind, message and span.
 */
import type { Program } from "../grammar/ast.ts";
import { LocatedError } from "../grammar/errors.ts";
import type { CoreNames } from "../grammar/names.ts";
import { parse } from "../grammar/read.ts";
import { builtins } from "./builtins.ts";
import { CalcError } from "./errors.ts";
import { isUnitName } from "./units.ts";

/** What the grammar must know of calc's names: the unit table's, and the built-in functions'. */
export const coreNames: CoreNames = {
  isUnit: isUnitName,
  isFunction: (name) => builtins.get(name)?.kind === "function",
};

/** Turns one line of input into its statements, or throws the first CalcError. */
export function parseLine(line: string): Program {
  try {
    return parse(line, coreNames);
  } catch (error) {
    throw error instanceof LocatedError ? CalcError.of(error) : error;
  }
}
