import os
import subprocess
import tempfile


def run_script(code):
    f = tempfile.NamedTemporaryFile("w", suffix=".py", delete=False)
    try:
        f.write(code)
        f.close()
        return subprocess.check_output(["python3", f.name], text=True)
    finally:
        os.remove(f.name)
