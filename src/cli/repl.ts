/** The interactive session: comes with the REPL work of the program issue. */
import type { Session } from "../session.ts";
import { writeErr } from "./output.ts";
import type { Style } from "./report.ts";

export async function runRepl(_session: Session, _style: Style): Promise<number> {
  writeErr("calc: the interactive session is not built yet; pass an expression or pipe lines in\n");
  return 2;
}
