import os
import tempfile
import unittest


def _killfile(f, name):
    f.close()
    os.unlink(name)


def make_testcase(kind):
    prefix = tempfile.mktemp('review', 'monitor_%s_' % (kind,))

    class Monitor(unittest.TestCase):
        count = 0

        def setUp(self):
            self.name = '%s-%d' % (prefix, self.count)
            Monitor.count += 1
            self.file = open(self.name, 'ab')

        def tearDown(self):
            _killfile(self.file, self.name)

    return Monitor
