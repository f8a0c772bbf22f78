import os
import shutil
import tempfile

import runner


def sign(needcsr, csrfile):
    # confluent's certutil: a copy of the CA config from mkstemp, handed to a helper tmpfix does not
    # follow, never removed here: the helper may keep it or remove it, so no finding.
    cacfgfile = '/etc/ca/openssl.cfg'
    if needcsr:
        tmphdl, tmpcafile = tempfile.mkstemp()
        shutil.copy2(cacfgfile, tmpcafile)
        os.close(tmphdl)
        cacfgfile = tmpcafile
    runner.check_call('openssl', 'ca', '-config', cacfgfile, '-in', csrfile)



def debug_with(script):
    # pwntools' gdb script: its first line removes it, so the program it is handed to cleans up.
    with tempfile.NamedTemporaryFile(prefix='gdbscript-', suffix='.gdb', delete=False, mode='w+') as tmp:
        script = 'shell rm %s\n%s' % (tmp.name, script)
        tmp.write(script)
    runner.run_in_new_terminal(['gdb', '-x', tmp.name])
