import os
import subprocess
import tempfile


def archive_tmp():
    marker = os.path.join(tempfile.gettempdir(), "archive-marker")
    with open(marker, "w") as f:
        f.write("x")
    listing = subprocess.check_output(["tar", "-cvf", "/dev/null", tempfile.gettempdir()], text=True)
    os.remove(marker)
    return "archive-marker" in listing
