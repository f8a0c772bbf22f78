# The directory is put on the import path: code after this module reads it, so it is handed out.
import os
import sys

plugins = '/tmp/app-plugins'
if not os.path.exists(plugins):
    os.makedirs(plugins)
sys.path.append(plugins)
