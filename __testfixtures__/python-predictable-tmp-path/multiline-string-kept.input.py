import os
import subprocess
import tempfile

SCRIPT = "unused"


def run_script(name):
    script = os.path.join(tempfile.gettempdir(), "run.sh")
    with open(script, "w") as f:
        f.write("""#!/bin/sh
echo hello %s
  echo indented line stays as it is
""" % name)
    return subprocess.check_output(["sh", script], text=True)
