import os
import subprocess
import tempfile
from pathlib import Path


# sort makes the file through the shell, then the code writes over it: creating it exclusively
# there would raise FileExistsError.
def sort_words(words):
    path = os.path.join(tempfile.gettempdir(), "words.txt")
    subprocess.run(["sh", "-c", 'printf "%s\\n" "$@" | sort > "$0"', path] + words, check=True)
    with open(path) as f:
        ordered = f.read()
    with open(path, "w") as f:
        f.write("HEAD\n" + ordered)
    with open(path) as f:
        return f.read()


# The same with pathlib: the touch() before the write sets the mode only where it creates the file.
def shout(words):
    out = Path(tempfile.gettempdir()) / "shout.txt"
    subprocess.run(["sh", "-c", 'printf "%s\\n" "$@" | sort > "$0"', str(out)] + words, check=True)
    out.write_text(out.read_text().upper())
    return out.read_text()
