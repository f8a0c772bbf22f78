import os
import shutil
import subprocess
import tempfile


class Capture:
    def __init__(self):
        private_dir = tempfile.mkdtemp()
        self.path = os.path.join(private_dir, "tmp.pcap")

    def start(self):
        self.proc = subprocess.Popen(["tcpdump", "-w", self.path])

    def stop(self):
        self.proc.terminate()
        shutil.rmtree(os.path.dirname(self.path), ignore_errors=True)
