import hashlib
import os
import socket
import tempfile


def take_lock():
    fd = os.open("/tmp/myapp.lock", os.O_CREAT | os.O_WRONLY)
    return fd


def write_pid():
    with open(os.path.join(tempfile.gettempdir(), "myapp.pid"), "w") as f:
        f.write(str(os.getpid()))
    return True


def serve():
    server = socket.socket(socket.AF_UNIX)
    server.bind("/tmp/myapp.sock")
    return server


def fetch(url, download):
    target = os.path.join(tempfile.gettempdir(), "dl-%s" % hashlib.md5(url.encode()).hexdigest())
    download(url, target)
    with open(target, "a") as f:
        f.write("")
    return open(target).read()
