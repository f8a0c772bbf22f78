import os
import shutil
from tempfile import mkstemp


def make_fixture(src, target_dir):
    handle, str_path = mkstemp(dir=target_dir)
    path = os.fsdecode(str_path)
    os.close(handle)
    shutil.copyfile(src, path)
    return path


def make_copy(src):
    handle, raw = mkstemp()
    name = os.fspath(str(raw))
    os.close(handle)
    shutil.copyfile(src, name)
    return name
