/**
 * A Bun macro (imported `with { type: "macro" }` by recorded.ts): records the
 * grammar when calc is built, so that the data in the executable is always
 * the grammar of the source it was built from.
 */
import { CalcParser } from "./parser.ts";
import type { RecordedGrammar } from "./recording.ts";

export function recordGrammar(): RecordedGrammar {
  return new CalcParser("record").recording!;
}
