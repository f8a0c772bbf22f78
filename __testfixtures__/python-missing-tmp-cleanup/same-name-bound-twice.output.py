import os
import subprocess
import tempfile


def same_bytes(left, right):
    tmp = tempfile.NamedTemporaryFile("w", delete=False)
    try:
        with tmp:
            tmp.write(left)
        first = subprocess.check_output(["cat", tmp.name])
    finally:
        os.remove(tmp.name)
    tmp = tempfile.NamedTemporaryFile("w", delete=False)
    try:
        with tmp:
            tmp.write(right)
        second = subprocess.check_output(["cat", tmp.name])
    finally:
        os.remove(tmp.name)
    return first == second


def maybe_replaced(text, replace):
    with tempfile.NamedTemporaryFile("w", delete=False) as tmp:
        tmp.write(text)
    if replace:
        with tempfile.NamedTemporaryFile("w", delete=False) as tmp:
            tmp.write(text.upper())
    return subprocess.check_output(["cat", tmp.name])


def round_trip(text):
    handle = tempfile.NamedTemporaryFile("w", delete=False)
    try:
        with handle:
            path = handle.name
            handle.write(text)
        with open(path) as handle:
            back = handle.read()
    finally:
        os.unlink(path)
    return back
