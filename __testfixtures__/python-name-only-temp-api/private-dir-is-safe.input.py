import os
import tempfile


def in_private(data):
    with tempfile.TemporaryDirectory() as d:
        name = tempfile.mktemp(dir=d)
        with open(name, "w") as f:
            f.write(data)
        return os.path.getsize(name)


def test_writes(tmp_path):
    name = tempfile.mktemp(dir=tmp_path)
    open(name, "w").write("x")
    assert os.path.exists(name)
