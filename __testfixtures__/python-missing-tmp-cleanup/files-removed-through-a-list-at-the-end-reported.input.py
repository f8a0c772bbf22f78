import os
import subprocess
import tempfile


def run_suite(cmd):
    # sqlmap's testing.py: every file goes into a list, and a loop at the end removes them, on success only.
    cleanups = []
    handle, config = tempfile.mkstemp(suffix=".conf")
    os.close(handle)
    cleanups.append(config)
    handle, log = tempfile.mkstemp(suffix=".log")
    os.close(handle)
    cleanups.append(log)
    output = subprocess.check_output(cmd + ["--config", config, "--log", log])
    for filename in cleanups:
        try:
            os.remove(filename)
        except OSError:
            pass
    return output


def run_suite_cleanly(cmd):
    # The same loop in a finally: every file is removed on every path, nothing to say.
    cleanups = []
    try:
        handle, config = tempfile.mkstemp(suffix=".conf")
        os.close(handle)
        cleanups.append(config)
        return subprocess.check_output(cmd + ["--config", config])
    finally:
        for filename in cleanups:
            os.remove(filename)
