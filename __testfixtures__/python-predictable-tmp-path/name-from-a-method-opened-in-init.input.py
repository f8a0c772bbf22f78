import io
import os
import random
import tempfile


class StagedWriter(io.BufferedWriter):
    def __init__(self, final_path):
        self._staging = self.staging_name()
        self.final_path = final_path
        super().__init__(io.FileIO(self._staging, "w"))

    def staging_name(self):
        return os.path.join(tempfile.gettempdir(), "staged-%08d" % random.randrange(10**8))

    def close(self):
        super().close()
        os.replace(self._staging, self.final_path)
