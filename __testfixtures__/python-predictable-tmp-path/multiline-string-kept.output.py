import os
import subprocess
import tempfile

SCRIPT = "unused"


def run_script(name):
    with tempfile.TemporaryDirectory(prefix="run-") as private_dir:
        script = os.path.join(private_dir, "run.sh")
        with os.fdopen(os.open(script, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
            f.write("""#!/bin/sh
echo hello %s
  echo indented line stays as it is
""" % name)
        return subprocess.check_output(["sh", script], text=True)
