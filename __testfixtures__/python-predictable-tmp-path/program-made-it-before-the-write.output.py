import os
import subprocess
import tempfile


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
