# Pattern 9: a name-only API (mktemp checks that the name is free), then a non-exclusive creation.
import os
import tempfile


def run():
    name = tempfile.mktemp(suffix=".json")
    with open(name, "w") as out:  # audit: insecure-creation, check-then-open
        out.write("{}")
    os.unlink(name)
