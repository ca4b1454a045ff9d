/**
 * A Bun macro (imported `with { type: "macro" }` by analysis-data.ts): records the
 * grammar when calc is built, so that the data in the executable is always
 * the grammar of the source it was built from.
 *
 * It never throws: a chevrotain whose internals differ from the pinned one's
 * (analysis.ts reads them) would otherwise stop the build with Bun's "cannot
 * coerce Exception to Bun's AST" and hide the cause. The failure is returned
 * as data instead; calc then analyses its grammar at start (stages.ts), and a
 * test prints the cause (tests/grammar/recording.test.ts).
 */
import { CalcParser } from "./parser.ts";
import type { Recording } from "./analysis.ts";

export function recordGrammar(): Recording {
  try {
    return new CalcParser("record").recording!;
  } catch (error) {
    return { failed: error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error) };
  }
}
