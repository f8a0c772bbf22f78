import os
import subprocess
import tempfile
from pathlib import Path


# sort makes the file through the shell, then the code writes over it: creating it exclusively
# there would raise FileExistsError.
def sort_words(words):
    with tempfile.TemporaryDirectory(prefix="words-") as private_dir:
        path = os.path.join(private_dir, "words.txt")
        subprocess.run(["sh", "-c", 'printf "%s\\n" "$@" | sort > "$0"', path] + words, check=True)
        with open(path) as f:
            ordered = f.read()
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            f.write("HEAD\n" + ordered)
        with open(path) as f:
            return f.read()


# The same with pathlib: the touch() before the write sets the mode only where it creates the file.
def shout(words):
    with tempfile.TemporaryDirectory(prefix="shout-") as private_dir_2:
        out = Path(private_dir_2) / "shout.txt"
        subprocess.run(["sh", "-c", 'printf "%s\\n" "$@" | sort > "$0"', str(out)] + words, check=True)
        out.touch(mode=0o600)
        out.write_text(out.read_text().upper())
        return out.read_text()
