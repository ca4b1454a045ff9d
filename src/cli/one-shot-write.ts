/**
 * Writing a one-shot answer (or help, or a usage error) through Bun, without
 * node:fs: the one-shot path never loads it (see terminal.ts for the cost).
 * Piped input and the REPL write through blocking-write.ts instead, which blocks, so
 * that a slow reader slows calc down rather than letting output pile up. A
 * reader that has gone away (`calc 2^100000 | head -c 10`) ends calc quietly,
 * status 0, as it does there; any other failure (`calc 1+2 > /dev/full`)
 * ends it with one line on stderr and status 1.
 */
import { failureLine } from "./failure.ts";

export async function write(fd: 1 | 2, text: string): Promise<void> {
  // nothing to say: Bun.write of "" would truncate a file on the descriptor (`calc '# note' >> log` emptied the log)
  if (text === "") return;
  try {
    await Bun.write(fd === 1 ? Bun.stdout : Bun.stderr, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EPIPE") process.exit(0);
    if (fd === 1) {
      try {
        await Bun.write(Bun.stderr, failureLine("cannot write the answer", error));
      } catch {
        // stderr fails too: the status is all that is left to say it
      }
    }
    process.exit(1);
  }
}
