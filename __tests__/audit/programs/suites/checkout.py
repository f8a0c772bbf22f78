# A project checked out under a shared temp directory: its own directories, the user's with mode
# 0755, are private; a directory group or others can write to is not.
import os
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(os.path.join(here, "coverage", "py"))
with open(os.path.join(here, "coverage", "py", "coverage.json"), "w") as out:
    out.write("{}")
with open(os.path.join(here, "group-writable", "planted.py.txt"), "w") as out:  # audit: insecure-creation
    out.write("x")
with open(os.path.join(tempfile.gettempdir(), "direct-py.txt"), "w") as out:  # audit: insecure-creation
    out.write("x")
os.remove(os.path.join(tempfile.gettempdir(), "direct-py.txt"))
