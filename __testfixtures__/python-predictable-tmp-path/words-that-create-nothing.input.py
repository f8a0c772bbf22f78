import logging
import os
import tempfile

log = logging.getLogger(__name__)
HELP = "Scratch files go to /tmp/tool-* unless TMPDIR is set"


def where():
    log.info("writing to /tmp/report.txt is deprecated")
    return tempfile.gettempdir()


def read_shared():
    with open("/tmp/shared-config.ini") as f:
        return f.read()


def exists():
    return os.path.exists(os.path.join(tempfile.gettempdir(), "marker"))
