/**
 * The session's own thread, for the REPL and for calc as PID 1 in a
 * container: the main thread stays free for the terminal and for signals,
 * so Ctrl-C can stop a computation (through a flag in shared memory, the
 * session's stop request) and SIGTERM ends calc at once, whatever this
 * thread is doing.
 */
import { systemClock } from "./clock.ts";
import { SharedInterrupt } from "../interrupt.ts";
import { Session } from "../session.ts";
import { answer, type Answers, type Reply, type Request } from "./protocol.ts";

declare const self: Worker;

let answers: Answers | undefined;

/** How long a preview may compute before it is given up, silently (the REPL shows nothing). */
const PREVIEW_BUDGET_MS = 100;

self.onmessage = ({ data }: MessageEvent<Request>) => {
  const { id, method, args } = data;
  if (method === "init") {
    const [flag, precision, previewFlag] = args as [SharedArrayBuffer, number | undefined, SharedArrayBuffer];
    const session = new Session({ interrupt: new SharedInterrupt(flag), clock: systemClock });
    if (precision !== undefined) session.precision = precision;
    const abandoned = new SharedInterrupt(previewFlag);
    answers = answer(session, () => {
      // a preview starts afresh: an earlier one's abandonment was for that one
      abandoned.lower();
      const deadline = performance.now() + PREVIEW_BUDGET_MS;
      return { requested: () => abandoned.requested() || performance.now() > deadline };
    });
    // the session's thread does the work the JIT pays off for (the executable starts with it held back)
    Bun.unsafe.setJITPolicy(1);
    postMessage({ id, result: undefined } satisfies Reply);
    return;
  }
  const handler = answers![method] as (...args: unknown[]) => unknown;
  postMessage({ id, result: handler(...args) } satisfies Reply);
};
