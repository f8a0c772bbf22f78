import os
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
        fname = tempfile.mktemp(prefix='tmp_review', suffix='uni')
        for enc in ('utf-16be', 'utf-16le'):
            try:
                fout = open(fname, 'wb')
                fout.write('x\n'.encode(enc))
                fout.close()
                self.filter.addLogPath(fname)
            finally:
                fout.close()
                os.unlink(fname)
                self.filter.delLogPath(fname)
        self.assertEqual(self.filter.paths, set())


if __name__ == "__main__":
    unittest.main()
