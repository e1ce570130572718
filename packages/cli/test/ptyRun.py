"""Runs a command on a new pseudo-terminal, as a shell runs a foreground job: the terminal is the
command's controlling terminal and its process group is the foreground one. Once the command has
printed READY, types `keys` on the terminal (Ctrl-C is "\\x03") and/or sends `kill` to the command's
own pid only. Prints {"output", "code"} as JSON. Used by exec.test.ts.

usage: python ptyRun.py '{"argv": [...], "env": {...}, "keys": "\\u0003", "kill": null}'
"""

import json
import os
import pty
import select
import signal
import sys
import time

spec = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(spec["argv"][0], spec["argv"], spec["env"])

out = b""
sent = False
deadline = time.time() + spec.get("timeout", 60)
while True:
    if time.time() > deadline:
        os.kill(pid, signal.SIGKILL)
        break
    ready, _, _ = select.select([fd], [], [], 0.1)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: every process holding the terminal has exited
            break
        if not chunk:
            break
        out += chunk
    if not sent and b"READY" in out:
        sent = True
        if spec.get("keys"):
            os.write(fd, spec["keys"].encode())
        if spec.get("kill"):
            os.kill(pid, getattr(signal, spec["kill"]))
_, status = os.waitpid(pid, 0)
print(json.dumps({"output": out.decode("utf-8", "replace"), "code": os.waitstatus_to_exitcode(status)}))
