# Listing or looking up what is already in /dev/shm creates nothing there: no finding. A file the
# code then makes there under a name built from a listed one is still a creation, and reported.
import glob
import os


def stale_segments(prefix):
    for name in os.listdir('/dev/shm'):
        path = os.path.join('/dev/shm', name)
        if os.path.isfile(path) and name.startswith(prefix):
            yield path


def semaphores():
    return [p for p in glob.glob('/dev/shm/sem.*') if os.path.getsize(p) > 0]


def segment_path(name):
    path = os.path.join('/dev/shm', name)
    if os.path.exists(path):
        return path
    return None


def mark_seen():
    for entry in os.scandir('/dev/shm'):
        with open(os.path.join('/dev/shm', entry.name + '.seen'), 'w') as f:
            f.write('1')
