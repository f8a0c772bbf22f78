import os
import subprocess
import tempfile


def run_python(code):
    f = tempfile.NamedTemporaryFile("w", suffix=".py", delete=False)
    try:
        with f:
            f.write(code)
        return subprocess.check_output(["python3", f.name], text=True)
    finally:
        os.remove(f.name)
