import os
import shutil
import tempfile
import unittest


class T(unittest.TestCase):
    def setUp(self):
        private_dir = tempfile.mkdtemp(prefix="local_review_atomic_test-", dir="/tmp")
        self.local_file = os.path.join(private_dir, "local_review_atomic_test.txt")
        if os.path.exists(self.local_file):
            os.remove(self.local_file)

    def tearDown(self):
        shutil.rmtree(os.path.dirname(self.local_file), ignore_errors=True)

    def test_put(self):
        f = os.fdopen(os.open(self.local_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w")
        f.write("hello")
        f.close()

    def test_other(self):
        pass


if __name__ == "__main__":
    unittest.main()
