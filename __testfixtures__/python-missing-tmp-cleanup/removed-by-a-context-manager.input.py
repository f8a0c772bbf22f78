import subprocess
import tempfile

from .utils import cleanup_file


def pick_file(command):
    with tempfile.NamedTemporaryFile(prefix="picker-", delete=False) as handle:
        name = handle.name
    with cleanup_file(name):
        subprocess.run([arg.replace("{}", name) for arg in command], check=True)
        print(f"reading the choice from {name}")
        with open(name) as chosen:
            return chosen.read().splitlines()
