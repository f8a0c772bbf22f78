import os
import tempfile


def test_link_is_detected():
    with tempfile.TemporaryDirectory(prefix="probe-link-", dir="/tmp") as private_dir:
        link = os.path.join(private_dir, "probe-link")
        os.symlink("/nonexistent/target", link)
        found = os.path.islink(link)
        os.remove(link)
    assert found
