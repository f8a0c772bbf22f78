import os
import shutil
import tempfile


def tabs(data):
	private_dir = tempfile.mkdtemp(prefix="tabs-")
	try:
		path = os.path.join(private_dir, "tabs.txt")
		if data:
			with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
				f.write(data)
		return open(path).read()
	finally:
		shutil.rmtree(private_dir, ignore_errors=True)
