import os
import tempfile

SNAPSHOT = os.path.join(tempfile.gettempdir(), "heap-snapshot.json")


def snapshot_size(heap):
    with open(SNAPSHOT, "w") as f:
        f.write(heap)
    return os.path.getsize(SNAPSHOT)
