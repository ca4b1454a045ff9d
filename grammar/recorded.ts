/** The grammar, recorded at build time by the macro in record.ts (see recording.ts). */
import type { Recording } from "./recording.ts";
import { recordGrammar } from "./record.ts" with { type: "macro" };

export const RECORDED: Recording = recordGrammar();
