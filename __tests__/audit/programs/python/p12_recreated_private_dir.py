# Pattern 12, afterwards: a private directory from tempfile.mkdtemp() is removed, then os.makedirs()
# makes its name again: the new directory is os.makedirs()'s, with its mode, and not private. Its
# two os.mkdir calls are two records: one right in the temp directory, one in the directory it made.
import os
import shutil
import tempfile


def run():
    made = tempfile.mkdtemp(prefix="recreated-")
    with open(os.path.join(made, "first.txt"), "w") as out:
        out.write("private")
    shutil.rmtree(made)
    os.makedirs(os.path.join(made, "logs"))  # audit: insecure-creation, left-behind
    with open(os.path.join(made, "logs", "out.txt"), "w") as out:  # audit: insecure-creation
        out.write("no longer private")
