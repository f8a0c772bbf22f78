import os
import shutil
import tempfile
import unittest


class T(unittest.TestCase):
    @classmethod
    def make_files(cls):
        private_dir = tempfile.mkdtemp(prefix="c_")
        private_dir_2 = tempfile.mkdtemp(prefix="c_")
        cls.files = (os.path.join(private_dir, "tmp.crt"), os.path.join(private_dir_2, "tmp.key"))
        for f in cls.files:
            with open(f, "w") as fh:
                fh.write("x")
        return cls.files

    @classmethod
    def tearDownClass(cls):
        for f in cls.files:
            shutil.rmtree(os.path.dirname(f), ignore_errors=True)

    def test_it(self):
        self.assertTrue(all(os.path.exists(f) for f in self.make_files()))


if __name__ == "__main__":
    unittest.main()
