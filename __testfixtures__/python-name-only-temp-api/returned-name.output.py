import os
import tempfile


def socket_path():
    private_dir = tempfile.mkdtemp(prefix="agent-")
    return os.path.join(private_dir, "tmp.sock")
