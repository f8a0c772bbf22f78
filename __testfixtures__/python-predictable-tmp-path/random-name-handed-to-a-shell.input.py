import os
from tempfile import gettempdir
from uuid import uuid4


def recording_alias():
    transcript = os.path.join(gettempdir(), "term-transcript-{}".format(uuid4().hex))
    return "export TRANSCRIPT={0}; recorder --out {0}; rm {0}".format(transcript)
