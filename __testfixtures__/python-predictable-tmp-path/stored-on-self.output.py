import os
import shutil
import tempfile


class Recorder:
    def __init__(self):
        private_dir = tempfile.mkdtemp(prefix="recording-")
        self.path = os.path.join(private_dir, "recording.wav")

    def record(self, data):
        with os.fdopen(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as f:
            f.write(data)

    def size(self):
        return os.path.getsize(self.path)

    def close(self):
        shutil.rmtree(os.path.dirname(self.path), ignore_errors=True)


def record_once(data):
    recorder = Recorder()
    recorder.record(data.encode())
    size = recorder.size()
    recorder.close()
    return size
