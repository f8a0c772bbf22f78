import os


def test_link_is_detected():
    link = "/tmp/probe-link"
    os.symlink("/nonexistent/target", link)
    found = os.path.islink(link)
    os.remove(link)
    assert found
