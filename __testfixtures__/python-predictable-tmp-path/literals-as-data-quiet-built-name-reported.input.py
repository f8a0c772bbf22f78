import random
import tempfile
import os

import pytest
from luigi.mock import MockTarget
from luigi.target import FileSystemTarget


class Conf:
    def __init__(self, path):
        self.path = path


# Literals handed to code tmpfix cannot see: compared, parsed, or kept in an in-memory filesystem.
def test_same_paths_are_equal():
    assert Conf('/tmp/foo.sock') == Conf('/tmp/foo.sock')


@pytest.mark.parametrize("p", ["/tmp/01 - Song.m4a"])
def test_parse(p):
    assert p.endswith(".m4a")


def test_mock():
    assert MockTarget.fs.get_data("/tmp/fib_100") == b"1\n"


# A name built on gettempdir() and handed on is meant as a temp file: reported.
class LocalTarget(FileSystemTarget):
    def __init__(self, path=None):
        if path is None:
            path = os.path.join(tempfile.gettempdir(), "job-tmp-%09d" % random.randint(0, 999999999))
        super(LocalTarget, self).__init__(path)
