# Pattern 13: child processes with an environment of their own (Python and Node) are recorded too.
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run():
    env = {"PATH": os.environ["PATH"], "TMPDIR": os.environ.get("TMPDIR", "/tmp")}
    subprocess.run([sys.executable, os.path.join(HERE, "..", "children", "child.py")], env=env, check=True)
    subprocess.run(["node", os.path.join(HERE, "..", "children", "child.js")], env=env, check=True)
