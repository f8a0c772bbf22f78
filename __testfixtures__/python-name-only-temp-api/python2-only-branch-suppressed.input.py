# Branches that only Python 2 runs: their findings are suppressed, and say why; a test that tells
# Python 3 releases apart (< (3, 8)) is no such branch.
import os
import shutil
import sys
import tempfile

import six

PY2 = sys.version_info[0] == 2

if sys.version_info[0] < 3:
    def scratch_name():
        return os.tmpnam()
else:
    def scratch_name():
        fd, name = tempfile.mkstemp()
        os.close(fd)
        return name


def dump(data):
    if PY2:
        path = tempfile.mktemp()
        with open(path, 'w') as f:
            f.write(data)
        return path
    with tempfile.NamedTemporaryFile('w', delete=False) as f:
        f.write(data)
    return f.name


def build(run):
    if six.PY3:
        with tempfile.TemporaryDirectory() as work:
            run(work)
    else:
        work = tempfile.mkdtemp()
        run(work)
        shutil.rmtree(work)


def older(data):
    if sys.version_info < (3, 8):
        path = tempfile.mktemp()
        with open(path, 'w') as f:
            f.write(data)
        os.remove(path)
