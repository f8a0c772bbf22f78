# A file that still runs on Python 2 (a __future__ import) gets mkdtemp() and try/finally. The check
# goes and its body moves up a level; the finally below it keeps its own indentation.
from __future__ import print_function

import os
import tempfile

filename = "settings.ini"

tmp = os.path.join(tempfile.gettempdir(), filename)
if not os.path.exists(tmp):
    with open(tmp, "w") as file:
        file.write("defaults")
