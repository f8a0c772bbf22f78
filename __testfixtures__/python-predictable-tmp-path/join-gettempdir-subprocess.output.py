import os
import subprocess
import tempfile


def line_count(text):
    with tempfile.TemporaryDirectory(prefix="line-count-") as private_dir:
        path = os.path.join(private_dir, "line-count.txt")
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as out:
            out.write(text)
        result = subprocess.run(["wc", "-l", path], capture_output=True, text=True, check=True)
        if not text:
            raise ValueError("empty input")  # leaves line-count.txt behind
        os.remove(path)
    return int(result.stdout.split()[0])
