#!/usr/bin/env python3
"""Prints the release notes through less."""
import subprocess
import sys

notes = "/tmp/release-notes.md"
with open(notes, "w") as f:
    f.write("# Release %s\n" % (sys.argv[1] if len(sys.argv) > 1 else "next"))
subprocess.call(["cat", notes])
print("done")
