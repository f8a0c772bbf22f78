import os
import subprocess
import tempfile


def run_twice(start):
    script = tempfile.mktemp(".sh", "twice-")
    with open(script, "w") as out:
        out.write("echo $(( %d + 1 )) > %s.out\n" % (start, script))

    def answer():
        with open(script + ".out") as f:
            return int(f.read())

    read = lambda: answer()
    subprocess.check_call(["sh", script])
    first = read()
    # the answer goes, the script is run once more
    os.unlink(script + ".out")
    subprocess.check_call(["sh", script])
    second = read()
    os.unlink(script)
    os.unlink(script + ".out")
    return [first, second]
