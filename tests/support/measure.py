"""Runs programs one at a time and measures each: exit status, wall time and its own peak memory.

stdin: a JSON list of {"args": [...], "stdin": path or null, "output": path prefix or null, "timeout": seconds}
stdout: a JSON list of {"status", "seconds", "peakKilobytes", "stdout", "stderr"}; with "output",
the child's stdout and stderr go whole to PREFIX.out and PREFIX.err instead. A child still running
after its timeout (60 s unless given) is killed: its status is then -9.

The peak comes from wait4() for that child alone (ru_maxrss of the process, not of all children),
measured from this small parent: a child's ru_maxrss also counts its parent's memory from before
exec(), so measured from the large test process it would be that process's size.
"""

import json
import os
import subprocess
import sys
import tempfile
import time


def run(case):
    prefix = case.get("output")
    out_file = open(f"{prefix}.out", "w+b") if prefix else tempfile.TemporaryFile()
    err_file = open(f"{prefix}.err", "w+b") if prefix else tempfile.TemporaryFile()
    with out_file as out, err_file as err:
        stdin = open(case["stdin"], "rb") if case.get("stdin") else subprocess.DEVNULL
        started = time.monotonic()
        child = subprocess.Popen(case["args"], stdin=stdin, stdout=out, stderr=err)
        deadline = started + case.get("timeout", 60)
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid != 0:
                break
            if time.monotonic() > deadline:
                child.kill()  # a hang: SIGKILL, as SIGTERM waits for the computation to end
            time.sleep(0.005)
        seconds = time.monotonic() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if stdin is not subprocess.DEVNULL:
            stdin.close()
        out.seek(0)
        err.seek(0)
        return {
            "status": child.returncode,
            "seconds": round(seconds, 3),
            "peakKilobytes": usage.ru_maxrss,
            # the first and last 2000 characters are enough to judge; a million digits are not needed
            "stdout": "" if prefix else clip(out.read().decode("utf-8", "replace")),
            "stderr": "" if prefix else clip(err.read().decode("utf-8", "replace")),
        }


def clip(text):
    return text if len(text) <= 4000 else f"{text[:2000]}[…{len(text) - 4000} characters…]{text[-2000:]}"


print(json.dumps([run(case) for case in json.load(sys.stdin)]))
