import os
import tempfile


def two(data):
  path = os.path.join(tempfile.gettempdir(), "two.txt")
  with open(path, "w") as f:
    f.write(data)
  return open(path).read()
