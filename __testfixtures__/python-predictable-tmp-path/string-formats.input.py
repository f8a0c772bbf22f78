import os


def percent(data, pid):
    out = "/tmp/render-%d.txt" % pid
    with open(out, "w") as f:
        f.write(data)
    with open(out) as f:
        return f.read()


def fstring(data):
    out = f"/tmp/render-{os.getpid()}.txt"
    with open(out, "w") as f:
        f.write(data)
    return open(out).read()


def concatenated(data, name):
    out = "/tmp/" + name + ".txt"
    open(out, "w").write(data)
    return open(out).read()


def formatted(data):
    out = "/tmp/{}.out".format(os.getpid())
    with open(out, "w") as f:
        f.write(data)
    return os.path.getsize(out)
