import os
import subprocess
import tempfile


def open_terminal(command, terminal="xterm"):
    argv = [terminal, "-e"]
    with tempfile.NamedTemporaryFile(delete=False, mode="wt+") as tmp:
        tmp.write("#!/bin/sh\nexec %s\n" % command)
        os.chmod(tmp.name, 0o700)
        argv += [tmp.name]
    if terminal == "osascript":
        with tempfile.NamedTemporaryFile(delete=False, mode="wt+") as tmp:
            tmp.write('tell application "Terminal" to do script "%s"' % argv[-1])
            argv = ["osascript", tmp.name]
    proc = subprocess.Popen(argv)
    if terminal == "tmux":
        proc.communicate()
    return proc.pid


def run_script(body):
    argv = ["sh"]
    with tempfile.NamedTemporaryFile(delete=False, mode="wt+", suffix=".sh") as tmp:
        tmp.write(body)
        argv += [tmp.name]
    proc = subprocess.Popen(argv)
    proc.wait()
    return proc.returncode
