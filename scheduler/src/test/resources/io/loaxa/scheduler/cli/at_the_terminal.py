"""An installer at a terminal: runs a command on a pseudo-terminal and answers its prompts.

usage: at_the_terminal.py STEPS TRANSCRIPT COMMAND...

STEPS holds one step a line, "TEXT<tab>ANSWER": wait until TEXT is on the screen, then type ANSWER
and Enter. Everything the command shows is copied to TRANSCRIPT. Exits with the command's exit code,
or 90 when a prompt did not come within the time allowed (the screen so far goes to stderr).
"""
import os
import pty
import select
import sys
import time

steps_file, transcript_file, command = sys.argv[1], sys.argv[2], sys.argv[3:]
steps = []
with open(steps_file, encoding="utf-8") as f:
    for line in f.read().split("\n"):
        if line:
            text, answer = line.split("\t", 1)
            steps.append((text.encode("utf-8"), answer.encode("utf-8")))

pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)

transcript = open(transcript_file, "wb")
pending = b""


def more(deadline):
    global pending
    left = deadline - time.monotonic()
    if left <= 0:
        return False
    ready, _, _ = select.select([fd], [], [], left)
    if not ready:
        return False
    try:
        data = os.read(fd, 4096)
    except OSError:
        data = b""
    if not data:
        return False
    pending += data
    transcript.write(data)
    transcript.flush()
    return True


for text, answer in steps:
    deadline = time.monotonic() + 90
    while text not in pending:
        if not more(deadline):
            sys.stderr.write("no %r on the screen; it shows:\n%s\n" % (text.decode(), pending.decode(errors="replace")))
            os.kill(pid, 9)
            sys.exit(90)
    pending = pending[pending.index(text) + len(text):]
    os.write(fd, answer + b"\r")

deadline = time.monotonic() + 90
while more(deadline):
    pass
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
