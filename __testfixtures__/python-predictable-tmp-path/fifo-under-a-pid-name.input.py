import os
import threading


def listen_for_commands(handle):
    channel = "/tmp/editor-ipc." + str(os.getpid())
    try:
        os.mkfifo(channel)
    except OSError:
        return None

    def pump():
        while True:
            with open(channel) as pipe:
                handle(pipe.read())

    worker = threading.Thread(target=pump, daemon=True)
    worker.start()
    return channel
