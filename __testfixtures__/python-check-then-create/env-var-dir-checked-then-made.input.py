import os
import subprocess


def build_bundle(recipe_dir):
    os.environ["PKG_SOURCES"] = "/tmp/bundle-sources"
    if not os.path.isdir(os.environ["PKG_SOURCES"]):
        os.mkdir(os.environ["PKG_SOURCES"])
    subprocess.check_call(["pkgtool", "fetch"], cwd=recipe_dir)
