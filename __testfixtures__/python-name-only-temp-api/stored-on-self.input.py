import os
import subprocess
import tempfile


class Capture:
    def __init__(self):
        self.path = tempfile.mktemp(suffix=".pcap")

    def start(self):
        self.proc = subprocess.Popen(["tcpdump", "-w", self.path])

    def stop(self):
        self.proc.terminate()
        os.unlink(self.path)
