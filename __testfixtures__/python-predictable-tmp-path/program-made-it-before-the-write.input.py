import os
import subprocess
import tempfile


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
