import os
import shutil
import sys
import tempfile
import zipfile

# Unpacked once per machine and found again by later processes: a cache, reported and kept.
pkgdir = '/tmp/app-vendored-req'
sys.path.insert(1, pkgdir)

if not os.path.exists(pkgdir):
    with tempfile.TemporaryDirectory(prefix='_staging-app-vendored-req-', dir='/tmp') as private_dir:
        staging = os.path.join(private_dir, '_staging-app-vendored-req')
        if os.path.exists(staging):
            shutil.rmtree(staging)
        zipfile.ZipFile(os.path.join(os.getcwd(), 'requirements.zip'), 'r').extractall(staging)
        os.rename(staging, pkgdir)
