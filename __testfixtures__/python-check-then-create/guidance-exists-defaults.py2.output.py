import os
import shutil
import tempfile

filename = "settings.ini"

# This will most certainly put you at risk
private_dir = tempfile.mkdtemp(prefix="settings-")
try:
    tmp = os.path.join(private_dir, filename)
    with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as file:
        file.write("defaults")
finally:
    shutil.rmtree(private_dir, ignore_errors=True)
