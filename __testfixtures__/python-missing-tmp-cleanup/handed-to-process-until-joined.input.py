import multiprocessing as mp
import os
import subprocess
import tempfile
import threading


def serve(argv):
    print(open(argv[1]).read())


def run_server():
    cfg = tempfile.NamedTemporaryFile(mode="wb", suffix=".yaml", delete=False)
    cfg.write(b"x: 1\n")
    cfg.close()
    server = mp.Process(target=serve, args=(["--config", os.fsdecode(cfg.name)],))
    server.start()
    server.join()
    assert server.exitcode == 0


def run_cat():
    fd, path = tempfile.mkstemp()
    os.close(fd)
    proc = subprocess.Popen(["cat", str(path)])
    print("started")
    proc.wait()
    return proc.returncode


def run_in_background():
    fd, path = tempfile.mkstemp()
    os.close(fd)
    worker = threading.Thread(target=serve, args=(["--config", path],))
    worker.start()
    return worker
