import sys
import tempfile

if sys.version_info[0] < 3:
    text_type = unicode  # noqa: F821
else:
    text_type = str


def dump(data):
    path = tempfile.gettempdir() + '/dump.txt'
    with open(path, 'w') as f:
        f.write(text_type(data))
    with open(path) as f:
        return f.read()
