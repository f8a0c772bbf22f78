import os
import shutil
import tempfile

import runner


def sign(needcsr, csrfile):
    # confluent's certutil: a copy of the CA config from mkstemp, handed to a subprocess helper, never removed.
    cacfgfile = '/etc/ca/openssl.cfg'
    if needcsr:
        tmphdl, tmpcafile = tempfile.mkstemp()
        shutil.copy2(cacfgfile, tmpcafile)
        os.close(tmphdl)
        cacfgfile = tmpcafile
    runner.check_call('openssl', 'ca', '-config', cacfgfile, '-in', csrfile)

