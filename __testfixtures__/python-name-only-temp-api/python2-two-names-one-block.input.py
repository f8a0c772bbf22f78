from __future__ import unicode_literals

import os
import subprocess
import tempfile


def copy_twice():
    first = tempfile.mktemp()
    second = tempfile.mktemp()
    subprocess.check_call(['touch', first])
    subprocess.check_call(['cp', first, second])
    os.unlink(first)
    os.unlink(second)
