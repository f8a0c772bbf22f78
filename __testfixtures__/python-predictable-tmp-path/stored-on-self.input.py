import os
import tempfile


class Recorder:
    def __init__(self):
        self.path = os.path.join(tempfile.gettempdir(), "recording.wav")

    def record(self, data):
        with open(self.path, "wb") as f:
            f.write(data)

    def size(self):
        return os.path.getsize(self.path)

    def close(self):
        os.remove(self.path)


def record_once(data):
    recorder = Recorder()
    recorder.record(data.encode())
    size = recorder.size()
    recorder.close()
    return size
