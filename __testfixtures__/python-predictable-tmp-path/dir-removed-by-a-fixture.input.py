import os
import pathlib
import shutil

import pytest


def find_kernel(path):
    return os.path.join(path, "vmlinuz")


@pytest.fixture(name="cleanup_shm")
def fixture_cleanup_shm():
    yield
    shutil.rmtree("/dev/shm/fakekernelfolder", ignore_errors=True)


@pytest.mark.usefixtures("cleanup_shm")
def test_find_kernel():
    fake_env = "/dev/shm/fakekernelfolder"
    os.mkdir(fake_env)
    expected = os.path.join(fake_env, "vmlinuz")
    pathlib.Path(expected).touch()
    result = find_kernel(fake_env)
    assert expected == result
