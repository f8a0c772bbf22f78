from __future__ import unicode_literals

import os
import shutil
import subprocess
import tempfile


def copy_twice():
    private_dir = tempfile.mkdtemp()
    try:
        first = os.path.join(private_dir, 'tmp')
        private_dir_2 = tempfile.mkdtemp()
        try:
            second = os.path.join(private_dir_2, 'tmp')
            subprocess.check_call(['touch', first])
            subprocess.check_call(['cp', first, second])
            os.unlink(first)
            os.unlink(second)
        finally:
            shutil.rmtree(private_dir_2, ignore_errors=True)
    finally:
        shutil.rmtree(private_dir, ignore_errors=True)
