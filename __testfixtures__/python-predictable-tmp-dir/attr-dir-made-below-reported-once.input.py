import os
from tempfile import NamedTemporaryFile, gettempdir


class Renderer:
    def prepare(self):
        self.frames_dir = os.path.join(gettempdir(), "renderer-frames")
        try:
            os.mkdir(self.frames_dir)
        except FileExistsError:
            pass

    def frame(self, data):
        with NamedTemporaryFile(dir=self.frames_dir, suffix=".bin", delete=False) as out:
            out.write(data)
            return out.name
