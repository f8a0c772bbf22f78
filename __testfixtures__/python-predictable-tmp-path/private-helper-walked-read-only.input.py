import getpass
import os
import subprocess
import tempfile


def _runner_root():
    # the directory the test runner makes for itself, found again by its name
    return os.path.join(tempfile.gettempdir(), "runner-of-%s" % getpass.getuser())


def list_stale_mounts():
    stale = []
    for dirpath, dirnames, _ in os.walk(_runner_root()):
        if "mnt" in dirnames:
            stale.append(os.path.join(dirpath, "mnt"))
    return stale


def _spool_dir():
    return os.path.join(tempfile.gettempdir(), "spool-area")


def start_spooler():
    subprocess.call(["spoold", "--dir", _spool_dir()])


def shared_scratch():
    return os.path.join(tempfile.gettempdir(), "scratch-area")
