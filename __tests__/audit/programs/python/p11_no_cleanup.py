# Pattern 11: created safely, never removed.
import tempfile


def run():
    tempfile.mkdtemp(prefix="forgotten-")  # audit: left-behind
    kept = tempfile.NamedTemporaryFile(delete=False, prefix="kept-")  # audit: left-behind
    kept.write(b"kept")
    kept.close()
