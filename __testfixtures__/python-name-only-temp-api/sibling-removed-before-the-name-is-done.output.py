import os
import shutil
import subprocess
import tempfile


def run_twice(start):
    private_dir = tempfile.mkdtemp(prefix="twice-")
    script = os.path.join(private_dir, "tmp.sh")
    with os.fdopen(os.open(script, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as out:
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
    shutil.rmtree(private_dir, ignore_errors=True)
    return [first, second]
