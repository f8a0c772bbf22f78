# Calls that fail (EEXIST, ENOENT) create nothing: only the ones that succeed are recorded.
import os
import shutil
import tempfile

tmp = tempfile.gettempdir()
exists = os.path.join(tmp, "py-exists")
missing = os.path.join(tmp, "py-nodir")
os.mkdir(exists, 0o700)
try:
    os.mkdir(exists)
except FileExistsError:
    pass
try:
    open(os.path.join(missing, "x"), "w")
except FileNotFoundError:
    pass
try:
    os.open(os.path.join(missing, "y"), os.O_WRONLY | os.O_CREAT, 0o600)
except FileNotFoundError:
    pass
try:
    os.open(exists, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
except FileExistsError:
    pass
try:
    os.rename(os.path.join(tmp, "py-not-there"), os.path.join(tmp, "py-renamed"))
except FileNotFoundError:
    pass

# The same calls succeeding are still recorded.
with open(os.path.join(tmp, "py-ok.txt"), "w") as out:  # audit: insecure-creation
    out.write("a")
os.mkdir(os.path.join(tmp, "py-ok-dir"))  # audit: insecure-creation
os.remove(os.path.join(tmp, "py-ok.txt"))
shutil.rmtree(os.path.join(tmp, "py-ok-dir"))
os.rmdir(exists)
print("done")
