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
    dump = os.path.join(tempfile.gettempdir(), "daily-stats.json")
    with open(dump, "w") as fh:
        json.dump(stats, fh)
    mailer.attach(dump)
    os.remove(dump)
    return mailer.parts
