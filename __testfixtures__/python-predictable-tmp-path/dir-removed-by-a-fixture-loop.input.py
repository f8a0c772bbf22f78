# A fixture removes a list of fixed names after each test. A test whose path stays in it can move into
# a TemporaryDirectory (the fixture then finds nothing to remove); one that hands the path on would need
# mkdtemp(), whose directory nothing removes where the fixture cleared the name, so it is reported.
# The fixture's checks before removing are a cleanup, not a reuse.
import os
import pathlib
import shutil

import pytest

from kernels import locate_kernel


@pytest.fixture(name="cleanup_shm")
def fixture_cleanup_shm():
    shm = pathlib.Path("/dev/shm")
    names = ["fakekernelfolder", "fakeloremipsum", "fakeinitrdfolder"]
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


@pytest.mark.usefixtures("cleanup_shm")
def test_locate_initrd():
    fake_env = "/dev/shm/fakeinitrdfolder"
    os.mkdir(fake_env)
    pathlib.Path(os.path.join(fake_env, "initrd.img")).touch()
    assert locate_kernel(fake_env, "initrd.img")


def test_loop_over_literals():
    for name in ["fakeloremipsum"]:
        assert not os.path.exists(os.path.join("/dev/shm", name))
