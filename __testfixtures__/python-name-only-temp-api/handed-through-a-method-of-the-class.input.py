import os
import tarfile
import tempfile


class Remote:
    def push_file(self, filename, target=None):
        if target is None:
            target = os.path.basename(filename)
        with open(filename, "rb") as fh:
            payload = fh.read()
        self.notify("sending %s" % filename)
        self.write_remote(target, payload)
        return target

    def push_tree(self, folder):
        bundle = tempfile.mktemp(suffix=".tgz")
        with tarfile.open(bundle, "w:gz") as tar:
            tar.add(folder, os.path.basename(folder))
        self.push_file(bundle, "/srv/incoming/bundle.tgz")
