from __future__ import (absolute_import, division, print_function)

import cProfile
import pstats
import sys
import tempfile


def main(loop):
    profile_file = tempfile.gettempdir() + '/review_profile'
    cProfile.runctx('loop()', globals(), {'loop': loop}, profile_file)
    profile = pstats.Stats(profile_file, stream=sys.stderr)
    profile.strip_dirs().print_stats(3)
