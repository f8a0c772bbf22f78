import subprocess
import tempfile


def run_python(code):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(code)
    return subprocess.check_output(["python3", f.name], text=True)
