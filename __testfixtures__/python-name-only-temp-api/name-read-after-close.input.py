import os
import subprocess
import tempfile


def run_script(code):
    f = open(tempfile.mktemp(suffix=".py"), "w")
    f.write(code)
    f.close()
    return subprocess.check_output(["python3", f.name], text=True)
