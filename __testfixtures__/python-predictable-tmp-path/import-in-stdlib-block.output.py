import os
import shutil
import tempfile
from typing import TYPE_CHECKING

import pytest

from mypkg.utils import helper

from tests.conftest import does_not_raise


def test_tree():
    with tempfile.TemporaryDirectory(prefix="testtree-", dir="/tmp") as private_dir:
        testtree = os.path.join(private_dir, "testtree.txt")
        with os.fdopen(os.open(testtree, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
            f.write("x")
        helper(testtree)
        os.remove(testtree)
