# Started by the p13 programs (Node and Python) with an environment of their own.
import os
import tempfile

name = os.path.join(tempfile.gettempdir(), "from-python-child.txt")
with open(name, "w") as out:  # audit: insecure-creation
    out.write("child")
os.unlink(name)
