# A fixture removes a list of fixed names after each test: the tests share those names with it, so a
# private directory per test would be left behind. Its checks before removing are a cleanup, not a reuse.
import os
import pathlib
import shutil

import pytest


@pytest.fixture(name="cleanup_shm")
def fixture_cleanup_shm():
    shm = pathlib.Path("/dev/shm")
    names = ["fakekernelfolder", "fakeloremipsum"]
    yield
    for name in names:
        p = shm / name
        if p.is_file():
            p.unlink()
        elif p.is_dir():
            shutil.rmtree(str(p))


@pytest.mark.usefixtures("cleanup_shm")
def test_find_kernel():
    fake_env = "/dev/shm/fakekernelfolder"
    os.mkdir(fake_env)
    expected = os.path.join(fake_env, "vmlinuz")
    pathlib.Path(expected).touch()
    assert os.path.exists(expected)


def test_loop_over_literals():
    for name in ["fakeloremipsum"]:
        assert not os.path.exists(os.path.join("/dev/shm", name))
