import json
import os
import tempfile


class Mailer:
    def __init__(self):
        self.parts = []

    def attach(self, path):
        with open(path) as fh:
            self.parts.append(fh.read())


def publish_stats(mailer, stats):
    dump = "/tmp/weekly-stats.json"
    with open(dump, "w") as fh:
        json.dump(stats, fh)
    mailer.attach(dump)
    return True


def publish_and_forget(stats):
    mailer = Mailer()
    with tempfile.TemporaryDirectory(prefix="daily-stats-") as private_dir:
        dump = os.path.join(private_dir, "daily-stats.json")
        with os.fdopen(os.open(dump, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as fh:
            json.dump(stats, fh)
        mailer.attach(dump)
        os.remove(dump)
    return mailer.parts
