import os
import shutil
import tempfile


class Sink:
    def __init__(self, logfile):
        self.logfile = logfile


def empty_log_is_empty():
    private_dir = tempfile.mkdtemp(prefix="sink-check-")
    try:
        log = os.path.join(private_dir, "sink-check.log")
        sink = Sink(logfile=log)
        with open(sink.logfile, "ab"):
            pass
        size = os.path.getsize(log)
        os.remove(log)
    finally:
        shutil.rmtree(private_dir, ignore_errors=True)
    return size


def written_log_reads_back(data):
    private_dir_2 = tempfile.mkdtemp(prefix="sink-check-")
    try:
        log = os.path.join(private_dir_2, "sink-check.log")
        sink = Sink(logfile=log)
        with open(sink.logfile, "ab") as fh:
            fh.write(data.encode())
        with open(log, "rb") as fh:
            seen = fh.read()
        os.remove(log)
    finally:
        shutil.rmtree(private_dir_2, ignore_errors=True)
    return seen.decode()


def write_marker():
    marker = os.path.join(tempfile.gettempdir(), "sink-marker.txt")
    with open(marker, "w") as fh:
        fh.write("ready")
    with open(marker) as fh:
        return fh.read()


def read_marker():
    marker = os.path.join(tempfile.gettempdir(), "sink-marker.txt")
    with open(marker) as fh:
        return fh.read()
