import atexit
import shutil
import tempfile
import unittest


def make_workdir():
    return tempfile.mkdtemp(prefix="work-")


class Builder:
    def __init__(self):
        self.scratch = tempfile.mkdtemp()

    def close(self):
        shutil.rmtree(self.scratch)


CACHE = tempfile.mkdtemp()
atexit.register(shutil.rmtree, CACHE, True)


class Test(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)

    def test_later_cleanup(self):
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d)
        self.assertTrue(d)
