import os
import subprocess
import tempfile


def same_bytes(left, right):
    with tempfile.NamedTemporaryFile("w", delete=False) as tmp:
        tmp.write(left)
    first = subprocess.check_output(["cat", tmp.name])
    with tempfile.NamedTemporaryFile("w", delete=False) as tmp:
        tmp.write(right)
    second = subprocess.check_output(["cat", tmp.name])
    return first == second


def maybe_replaced(text, replace):
    with tempfile.NamedTemporaryFile("w", delete=False) as tmp:
        tmp.write(text)
    if replace:
        with tempfile.NamedTemporaryFile("w", delete=False) as tmp:
            tmp.write(text.upper())
    return subprocess.check_output(["cat", tmp.name])


def round_trip(text):
    with tempfile.NamedTemporaryFile("w", delete=False) as handle:
        path = handle.name
        handle.write(text)
    with open(path) as handle:
        back = handle.read()
    os.unlink(path)
    return back
