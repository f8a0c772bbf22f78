# A predictable directory put on the import path (sys.path, or PYTHONPATH of a child): a .py
# file another user plants there is imported and run, and the finding says so.
import os
import subprocess
import sys
import tempfile


def load_plugins(sources):
    plugin_dir = os.path.join(tempfile.gettempdir(), 'app-plugins')
    os.makedirs(plugin_dir, exist_ok=True)
    for name, code in sources.items():
        with open(os.path.join(plugin_dir, name + '.py'), 'w') as f:
            f.write(code)
    sys.path.insert(0, plugin_dir)


def run_child(script):
    libdir = '/tmp/app-lib'
    os.makedirs(libdir, exist_ok=True)
    env = dict(os.environ)
    env['PYTHONPATH'] = libdir
    subprocess.check_call([sys.executable, script], env=env)


def run_child2(script):
    libdir = '/tmp/app-lib2'
    if not os.path.isdir(libdir):
        os.mkdir(libdir)
    os.environ['PYTHONPATH'] = libdir
    subprocess.check_call([sys.executable, script])


def run_child3(script):
    libdir = '/tmp/app-lib3'
    os.makedirs(libdir, exist_ok=True)
    os.putenv('PYTHONPATH', libdir)
