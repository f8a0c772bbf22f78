import functools
import os
import shutil
import tempfile
import unittest

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


def parse_with_webroot(parser):
    # certbot's tests: a directory from mkdtemp handed to the argument parser, never removed.
    other_path = tempfile.mkdtemp()
    return parser.parse_args(['--webroot-map', other_path])


def thumbnail(image, temp_file_dir, send):
    # ranger's kitty preview: made in a directory of its own, which the terminal empties.
    with tempfile.NamedTemporaryFile(prefix='thumb_', suffix='.png', dir=temp_file_dir, delete=False) as tmpf:
        image.save(tmpf, format='png')
    send(tmpf.name)


def dump_table(rows, logger, check_file):
    # sqlmap's dump fallback: a directory shown to the user, where the dump is kept.
    out_dir = tempfile.mkdtemp(prefix='dump')
    logger.warning("using temporary directory '%s' instead" % out_dir)
    check_file(out_dir)
    return rows


class SocketTest(unittest.TestCase):
    def test_unlinked_by_the_code_under_test(self):
        # supervisor: the socket config removes the name, and the test checks that it is gone.
        (fd, name) = tempfile.mkstemp()
        os.close(fd)
        config = runner.SocketConfig(name)
        config.create_and_bind()
        self.assertFalse(os.path.exists(name))

    def test_removed_by_a_registered_cleanup(self):
        # luigi's server test: the removal is registered with addCleanup through functools.partial.
        fd, state_path = tempfile.mkstemp(suffix=self.id())
        os.close(fd)
        self.addCleanup(functools.partial(os.unlink, state_path))
        runner.start_server(state_path)


def debug_with(script):
    # pwntools' gdb script: its first line removes it, so the program it is handed to cleans up.
    with tempfile.NamedTemporaryFile(prefix='gdbscript-', suffix='.gdb', delete=False, mode='w+') as tmp:
        script = 'shell rm %s\n%s' % (tmp.name, script)
        tmp.write(script)
    runner.run_in_new_terminal(['gdb', '-x', tmp.name])


def run_script(script):
    # The same without the removal: left in the temp directory.
    with tempfile.NamedTemporaryFile(prefix='script-', suffix='.sh', delete=False, mode='w+') as tmp:
        tmp.write(script)
    runner.run_in_new_terminal(['sh', tmp.name])


class Task:
    def engine_start(self, options):
        # sqlmap's API: the config goes to a child kept on self.process; a removal after save_config()
        # would pull it away from the child.
        handle, config_file = tempfile.mkstemp(prefix='config-', text=True)
        os.close(handle)
        runner.save_config(options, config_file)
        self.process = runner.Popen(['app', '--config', config_file])


def dry_run_flags(parse):
    # certbot's cli tests: `os` is a compat shim tmpfix does not resolve; its os.path.join keeps
    # nothing, but what is done with the path it builds is not followed.
    from app.compat import os as compat_os
    config_dir = tempfile.mkdtemp()
    return parse(['--config-dir', compat_os.path.join(config_dir, 'live')])
