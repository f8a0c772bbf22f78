import os
import unittest


class T(unittest.TestCase):
    def setUp(self):
        self.local_file = "/tmp/local_review_atomic_test.txt"
        if os.path.exists(self.local_file):
            os.remove(self.local_file)

    def tearDown(self):
        if os.path.exists(self.local_file):
            os.remove(self.local_file)

    def test_put(self):
        f = open(self.local_file, "w")
        f.write("hello")
        f.close()

    def test_other(self):
        pass


if __name__ == "__main__":
    unittest.main()
