import os
import shutil
import tempfile
import unittest


class Filter:
    def __init__(self):
        self.paths = set()

    def addLogPath(self, p):
        self.paths.add(p)

    def delLogPath(self, p):
        self.paths.discard(p)


class T(unittest.TestCase):
    def setUp(self):
        self.filter = Filter()

    def test_encodings(self):
        private_dir = tempfile.mkdtemp(prefix='tmp_review')
        fname = os.path.join(private_dir, 'tmpuni')
        try:
            for enc in ('utf-16be', 'utf-16le'):
                try:
                    fout = os.fdopen(os.open(fname, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 'wb')
                    fout.write('x\n'.encode(enc))
                    fout.close()
                    self.filter.addLogPath(fname)
                finally:
                    fout.close()
                    os.unlink(fname)
                    self.filter.delLogPath(fname)
        finally:
            shutil.rmtree(private_dir, ignore_errors=True)
        self.assertEqual(self.filter.paths, set())


if __name__ == "__main__":
    unittest.main()
