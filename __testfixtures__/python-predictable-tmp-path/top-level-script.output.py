#!/usr/bin/env python3
"""Prints the release notes through less."""
import os
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory(prefix="release-notes-", dir="/tmp") as private_dir:
    notes = os.path.join(private_dir, "release-notes.md")
    with os.fdopen(os.open(notes, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
        f.write("# Release %s\n" % (sys.argv[1] if len(sys.argv) > 1 else "next"))
    subprocess.call(["cat", notes])
print("done")
