# rename() never follows a symlink at its destination: it replaces the name. The danger at a
# predictable name in sticky /tmp is another user's file there (the rename fails) and the mode.
import os
import tempfile


def publish(data):
    fd, tmp = tempfile.mkstemp(dir='.')
    try:
        with os.fdopen(fd, 'w') as f:
            f.write(data)
        os.rename(tmp, '/tmp/fixed-report.txt')
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def publish_pid(data):
    fd, tmp = tempfile.mkstemp(dir='.')
    try:
        with os.fdopen(fd, 'w') as f:
            f.write(data)
        with tempfile.TemporaryDirectory(prefix='report-') as private_dir:
            target = os.path.join(private_dir, 'report-%d.txt' % os.getpid())
            os.replace(tmp, target)
            with open(target) as f:
                return f.read()
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
