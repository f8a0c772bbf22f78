import os
import shutil
from typing import TYPE_CHECKING

import pytest

from mypkg.utils import helper

from tests.conftest import does_not_raise


def test_tree():
    testtree = "/tmp/testtree.txt"
    with open(testtree, "w") as f:
        f.write("x")
    helper(testtree)
    os.remove(testtree)
