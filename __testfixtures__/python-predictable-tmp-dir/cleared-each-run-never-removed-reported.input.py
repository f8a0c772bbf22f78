import os
import shutil


# Each run clears the last run's folder and hands the new one to a server that runs until killed:
# one folder is ever left. A private directory per run, never removed, would pile up.
def run_server(serve):
    root = "/tmp/app-test-ftp-root/"
    if os.path.exists(root):
        shutil.rmtree(root)
    os.mkdir(root)
    serve(root)
