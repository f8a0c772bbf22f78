import os
import subprocess
import tempfile


def run_counter(start):
    with tempfile.TemporaryDirectory(prefix="counter-") as private_dir:
        script = os.path.join(private_dir, "tmp.sh")
        with os.fdopen(os.open(script, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as out:
            # the script leaves its answer next to itself, in "<script>.out"
            out.write("echo $(( %d + 1 )) > %s.out\n" % (start, script))

        def answer():
            with open(script + ".out") as f:
                return int(f.read())

        subprocess.check_call(["sh", script])
        result = answer()
        if result < 0:
            raise ValueError("negative count")
        os.unlink(script)
        os.unlink(script + ".out")
    return result
