import pathlib
import unittest

_STORE = {}


class MemoryFile:
    """Keeps its content in a dict: nothing here reaches the disk."""

    def __init__(self, name):
        self.name = name

    def touch(self):
        _STORE.setdefault(self.name, b"")

    def write_text(self, text):
        _STORE[self.name] = text.encode()


class MemoryTests(unittest.TestCase):
    def setUp(self):
        self.key = "/tmp/memory-only"
        MemoryFile(self.key).touch()

    def test_written(self):
        handle = MemoryFile("/tmp/memory-two")
        handle.write_text("hi")
        self.assertIn("/tmp/memory-two", _STORE)


def leave_marker():
    pathlib.Path("/tmp/real-marker").touch()
