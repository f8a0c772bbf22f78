import os
import tempfile

with tempfile.TemporaryDirectory() as private_dir:
    filename = "{}/{}.tmp".format(private_dir, os.getpid())
    os.fdopen(os.open(filename, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w")
