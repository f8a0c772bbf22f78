# Pattern 1: a fixed name in the temp directory, then written.
import json
import os
import tempfile


def run():
    name = os.path.join(tempfile.gettempdir(), "app.json")
    with open(name, "w") as out:  # audit: insecure-creation
        json.dump({"ok": True}, out)
    os.unlink(name)
