/** The grammar, recorded at build time by the macro in analysis-macro.ts (see analysis.ts). */
import type { Recording } from "./analysis.ts";
import { recordGrammar } from "./analysis-macro.ts" with { type: "macro" };

export const RECORDED: Recording = recordGrammar();
