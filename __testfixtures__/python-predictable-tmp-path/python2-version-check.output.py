import os
import shutil
import sys
import tempfile

if sys.version_info[0] < 3:
    text_type = unicode  # noqa: F821
else:
    text_type = str


def dump(data):
    private_dir = tempfile.mkdtemp(prefix='dump-')
    try:
        path = private_dir + '/dump.txt'
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), 'w') as f:
            f.write(text_type(data))
        with open(path) as f:
            return f.read()
    finally:
        shutil.rmtree(private_dir, ignore_errors=True)
