import os
import tempfile
import unittest


class T(unittest.TestCase):
    @classmethod
    def make_files(cls):
        cls.files = (tempfile.mktemp(".crt", "c_"), tempfile.mktemp(".key", "c_"))
        for f in cls.files:
            with open(f, "w") as fh:
                fh.write("x")
        return cls.files

    @classmethod
    def tearDownClass(cls):
        for f in cls.files:
            os.unlink(f)

    def test_it(self):
        self.assertTrue(all(os.path.exists(f) for f in self.make_files()))


if __name__ == "__main__":
    unittest.main()
