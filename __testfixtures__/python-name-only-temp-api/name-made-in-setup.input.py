# mktemp() in a test's setUp: the test runs after setUp returns, so the advice is a directory made
# in setUp and removed in tearDown (or addCleanup), never a with block that ends before the test.
import os
import tempfile
import unittest


class WriterTest(unittest.TestCase):
    def setUp(self):
        self.logfile = tempfile.mktemp(suffix='.log', prefix='writer-')

    def test_write(self):
        with open(self.logfile, 'w') as f:
            f.write('x')
        self.assertTrue(os.path.exists(self.logfile))


class ServerTest(unittest.TestCase):
    def setUp(self):
        socket_name = tempfile.mktemp(suffix='.sock', prefix='server-')
        self.server = start_server(socket_name)

    def test_ping(self):
        self.assertTrue(self.server.ping())


def rotate(lines):
    # The random name is only the stem of the numbered files made from it.
    stem = tempfile.mktemp(suffix='.log', prefix='rotate-')
    for i, line in enumerate(lines):
        with open('%s-%d' % (stem, i), 'w') as f:
            f.write(line)
        os.remove('%s-%d' % (stem, i))
