# The directories are removed by an 'rm -rf' child process, only when nothing failed before it.
import os
import subprocess
import tempfile


def migrate(dump_tool):
    workdir = tempfile.mkdtemp()
    subprocess.check_call([dump_tool, 'dump', workdir])
    subprocess.check_call([dump_tool, 'restore', workdir])
    subprocess.check_call(['rm', '-rf', workdir])


def build_image(files):
    staging = tempfile.mkdtemp()
    for name in files:
        subprocess.check_call(['cp', name, staging])
    subprocess.check_call(['mkisofs', '-o', 'out.iso', staging])
    os.system('rm -rf ' + staging)


def unpack(archive):
    scratch = tempfile.mkdtemp(prefix='unpack-')
    subprocess.check_call(['tar', '-xf', archive, '-C', scratch])
    count = len(os.listdir(scratch))
    subprocess.check_call('rm -fr %s' % scratch, shell=True)
    return count


def empty_only(archive):
    # 'rm -rf dir/*' empties the directory and leaves it: not its removal.
    holder = tempfile.mkdtemp()
    subprocess.check_call(['tar', '-xf', archive, '-C', holder])
    os.system('rm -rf %s/*' % holder)
