import tempfile


def roundtrip(data):
    with tempfile.TemporaryFile("w+b", suffix=".bin") as f:
        f.write(data)
        f.seek(0)
        return f.read()


def named(data, check):
    with tempfile.NamedTemporaryFile("w") as f:
        f.write(data)
        f.flush()
        return check(f.name)
