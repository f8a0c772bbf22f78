import random

from storage import RemoteTarget


def make_target():
    # The path may name a remote file system's /tmp: only RemoteTarget knows where it writes.
    fn = "/tmp/foo-%09d" % random.randint(0, 999999999)
    t = RemoteTarget(fn)
    with t.open("w") as f:
        f.write("test")
    return t


def pick(paths):
    for out in paths + ["/tmp/out.txt"]:
        with open(out, "w") as f:
            f.write("x")
