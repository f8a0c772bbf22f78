import os
import tempfile

def test_log():
    with tempfile.TemporaryDirectory(prefix='log-', dir='/tmp') as private_dir:
        logfile = os.path.join(private_dir, 'log')
        config = DummyPConfig(stdout_logfile=logfile)   # unknown callee; config never leaves the function
        try:
            record(config)
            with open(logfile, 'rb') as f:
                assert f.read() == b'x'
        finally:
            os.remove(logfile)
