import os
import tempfile

tempfile.TemporaryFile("w")
