import tempfile


def roundtrip(data):
    with open(tempfile.mktemp(suffix=".bin"), "w+b") as f:
        f.write(data)
        f.seek(0)
        return f.read()


def named(data, check):
    with open(tempfile.mktemp(), "w") as f:
        f.write(data)
        f.flush()
        return check(f.name)
