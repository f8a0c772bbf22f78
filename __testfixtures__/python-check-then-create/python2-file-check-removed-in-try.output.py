# A file that still runs on Python 2 (a __future__ import) gets mkdtemp() and try/finally. The check
# goes and its body moves up a level; the finally below it keeps its own indentation.
from __future__ import print_function

import os
import shutil
import tempfile

filename = "settings.ini"

private_dir = tempfile.mkdtemp(prefix="settings-")
try:
    tmp = os.path.join(private_dir, filename)
    with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as file:
        file.write("defaults")
finally:
    shutil.rmtree(private_dir, ignore_errors=True)
