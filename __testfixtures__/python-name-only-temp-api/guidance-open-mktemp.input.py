import os
import tempfile

open(tempfile.mktemp(), "w")
