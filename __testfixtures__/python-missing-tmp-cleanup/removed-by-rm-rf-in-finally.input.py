# Removed by an 'rm -rf' child process on every path already: nothing to add.
import subprocess
import tempfile


def render(template):
    out = tempfile.mkdtemp()
    try:
        subprocess.check_call(['render', template, out])
    finally:
        subprocess.call(['rm', '-rf', out])


def check(template):
    out = tempfile.mkdtemp()
    try:
        subprocess.check_call(['render', template, out])
    except Exception:
        subprocess.call(f'rm -rf "{out}"', shell=True)
        raise
    subprocess.call(f'rm -rf "{out}"', shell=True)
