/**
 * Is a file descriptor a terminal? Asked without node:tty or node:fs: loading
 * those costs a compiled Bun program more start-up time and memory than
 * evaluating a line (docs/performance.md, "Modules loaded only when needed",
 * has the figures). Bun's own stat says whether the descriptor is a character
 * device, and a terminal is one whose major device number is a terminal's:
 * 136–143 for the pseudo-terminals of xterm, tmux, ssh and docker run -t, 4
 * for consoles, 5 for /dev/tty and /dev/console, 3 for the old BSD ones
 * (Linux's devices.txt). /dev/null (major 1) and files and pipes are not.
 */
const TERMINAL_MAJORS = new Set([3, 4, 5, 136, 137, 138, 139, 140, 141, 142, 143]);

export async function isTerminal(fd: number): Promise<boolean> {
  try {
    const stat = await Bun.file(fd).stat();
    if (!stat.isCharacterDevice()) return false;
    // Linux's encoding of a device number: the major number is bits 8–19
    return TERMINAL_MAJORS.has((Number(stat.rdev) >> 8) & 0xfff);
  } catch {
    return false; // closed
  }
}
