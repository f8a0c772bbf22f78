import os, tempfile

def attach(api, connect):
    if api:
        d = tempfile.mkdtemp()
        sock = os.path.join(d, 'socket')
    print("attaching")
    if not api:
        return None
    conn = connect(sock)          # may raise: d is left behind
    os.unlink(sock)
    os.rmdir(d)                   # removed on success only
    return conn
