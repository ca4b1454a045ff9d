#!/usr/bin/env python3
"""Runs commands side by side and reports wall time and peak memory of each run.

Used by bench/run.ts. Python does the measuring because a child's ru_maxrss
counts its parent's memory from before exec(): measured from a small parent
it is the child's own. Rounds are interleaved, the order turning each round
(A B C, B C A, C A B, ...), so a machine that is busier at one moment slows
every command alike and none always runs first.

Before every round each executable is put in the same state: written back
to disk, dropped from the page cache (posix_fadvise DONTNEED) and read back
in full. A binary just written by the compiler otherwise measures faster and
larger than one read back from disk, which moved ratios by a fifth.

  measure.py times '{"commands": [{argv, stdin?, env?}, ...], "rounds": n, "warmup": w}'
      -> {"runs": [[{wall, rss_kb, status}, ...], ...]}   (one list per command)
  measure.py repl '{"argv": [...], "env": {...}, "rounds": n}'
      -> [{prompt, answer}, ...]   (seconds, in a pseudo-terminal)
  measure.py prompt '{"argv": [...], "env": {...}, "rounds": n}'
      -> [prompt, ...]   (seconds to the first "> ", in a pseudo-terminal; the program is then ended)
"""
import json
import os
import pty
import select
import shutil
import subprocess
import sys
import time


def settle(executables):
    """Each executable evicted from the page cache, then read back in full: all alike, all warm."""
    for path in executables:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            while os.read(fd, 1 << 20):
                pass
        finally:
            os.close(fd)


def executables(commands):
    found = []
    for command in commands:
        path = shutil.which(command["argv"][0])
        if path and os.path.realpath(path) not in found:
            found.append(os.path.realpath(path))
    return found


def run_once(command):
    stdin = open(command["stdin"], "rb") if command.get("stdin") else subprocess.DEVNULL
    env = dict(os.environ, **command.get("env", {}))
    start = time.perf_counter()
    process = subprocess.Popen(command["argv"], stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if stdin is not subprocess.DEVNULL:
        stdin.close()
    return {"wall": wall, "rss_kb": usage.ru_maxrss, "status": os.waitstatus_to_exitcode(status)}


def times(spec):
    commands, rounds, warmup = spec["commands"], spec["rounds"], spec.get("warmup", 0)
    runs = [[] for _ in commands]
    binaries = executables(commands)
    for round_number in range(warmup + rounds):
        settle(binaries)
        # the order turns each round, so that no command always runs first after the settling
        for step in range(len(commands)):
            index = (step + round_number) % len(commands)
            result = run_once(commands[index])
            if round_number >= warmup:
                runs[index].append(result)
    return {"runs": runs}


def read_until(fd, needle, deadline, seen):
    while needle not in seen:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no {needle!r} in {seen[-200:]!r}")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            seen += os.read(fd, 65536)
    return seen


def start_in_pty(argv, env):
    """The program started in a new pseudo-terminal, once it is equally warm: (start time, pid, fd)."""
    settle(executables([{"argv": argv}]))
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, dict(os.environ, **env))
    return start, pid, fd


def repl(argv, env):
    """Time from start to the first prompt, then from Enter to the answer of 1+2."""
    start, pid, fd = start_in_pty(argv, env)
    deadline = time.monotonic() + 10
    seen = read_until(fd, b"> ", deadline, b"")
    prompt = time.perf_counter() - start
    sent = time.perf_counter()
    os.write(fd, b"1+2\r")
    seen = read_until(fd, b"\r\n3\r\n", deadline, seen)
    answer = time.perf_counter() - sent
    os.write(fd, b"\x04")
    try:
        while True:
            read_until(fd, b"\x00never", time.monotonic() + 2, b"")
    except (OSError, TimeoutError):
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return {"prompt": prompt, "answer": answer}


def prompt(argv, env):
    """Time from start to the first prompt, for a program that may never answer: ended then."""
    start, pid, fd = start_in_pty(argv, env)
    try:
        read_until(fd, b"> ", time.monotonic() + 10, b"")
        return time.perf_counter() - start
    finally:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)


if __name__ == "__main__":
    if sys.argv[1] == "times":
        print(json.dumps(times(json.loads(sys.argv[2]))))
    elif sys.argv[1] == "repl":
        spec = json.loads(sys.argv[2])
        results = [repl(spec["argv"], spec.get("env", {})) for _ in range(spec["rounds"])]
        print(json.dumps(results))
    elif sys.argv[1] == "prompt":
        spec = json.loads(sys.argv[2])
        print(json.dumps([prompt(spec["argv"], spec.get("env", {})) for _ in range(spec["rounds"])]))
