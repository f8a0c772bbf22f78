import os

def test_log():
    logfile = '/tmp/log'
    config = DummyPConfig(stdout_logfile=logfile)   # unknown callee; config never leaves the function
    try:
        record(config)
        with open(logfile, 'rb') as f:
            assert f.read() == b'x'
    finally:
        os.remove(logfile)
