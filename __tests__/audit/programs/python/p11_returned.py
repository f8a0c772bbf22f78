# Pattern 11, by design: a file made under a guessable name and returned, so nothing here removes it.
# The static rewrite secures it in a private directory that the caller must remove: what was left
# behind stays behind after the rewrite too, and the audit says so.
import os
import tempfile


def run():
    name = os.path.join(tempfile.gettempdir(), "report-%d.txt" % os.getpid())
    with open(name, "w") as out:  # audit: insecure-creation, left-behind
        out.write("kept for the caller")
    return name
