from __future__ import (absolute_import, division, print_function)

import cProfile
import pstats
import shutil
import sys
import tempfile


def main(loop):
    private_dir = tempfile.mkdtemp(prefix='review_profile-')
    try:
        profile_file = private_dir + '/review_profile'
        cProfile.runctx('loop()', globals(), {'loop': loop}, profile_file)
        profile = pstats.Stats(profile_file, stream=sys.stderr)
    finally:
        shutil.rmtree(private_dir, ignore_errors=True)
    profile.strip_dirs().print_stats(3)
