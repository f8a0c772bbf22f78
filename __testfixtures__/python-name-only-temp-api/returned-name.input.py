import tempfile


def socket_path():
    return tempfile.mktemp(prefix="agent-", suffix=".sock")
