import os
import tempfile


class Sink:
    def __init__(self, logfile):
        self.logfile = logfile


def empty_log_is_empty():
    log = os.path.join(tempfile.gettempdir(), "sink-check.log")
    sink = Sink(logfile=log)
    with open(sink.logfile, "ab"):
        pass
    size = os.path.getsize(log)
    os.remove(log)
    return size


def written_log_reads_back(data):
    log = os.path.join(tempfile.gettempdir(), "sink-check.log")
    sink = Sink(logfile=log)
    with open(sink.logfile, "ab") as fh:
        fh.write(data.encode())
    with open(log, "rb") as fh:
        seen = fh.read()
    os.remove(log)
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
