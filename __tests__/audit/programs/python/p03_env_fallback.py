# Pattern 3: the temp directory from the environment, with a fallback.
import os


def run():
    base = os.environ.get("TMPDIR", "/tmp")
    name = os.path.join(base, "env.txt")
    with open(name, "w") as out:  # audit: insecure-creation
        out.write("env")
    os.unlink(name)
