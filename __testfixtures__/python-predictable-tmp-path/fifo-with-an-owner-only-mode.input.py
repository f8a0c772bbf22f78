import os


def open_channel():
    # The same pid-named FIFO, made owner-only: the finding keeps the denial of service and says
    # nothing of other users reading it.
    channel = "/tmp/editor-ipc." + str(os.getpid())
    os.mkfifo(channel, 0o600)
    return channel
