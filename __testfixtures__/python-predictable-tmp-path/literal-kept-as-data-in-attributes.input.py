import os
import unittest
from unittest import mock


def validate(settings):
    if not settings.account:
        raise ValueError("no account configured")


class Location:
    def __init__(self):
        self._where = ""

    @property
    def where(self):
        return self._where

    @where.setter
    def where(self, value):
        if value.startswith("rsync://"):
            raise ValueError("no remote locations")
        self._where = value


class Ledger:
    def flush(self):
        body = "\n".join(self.lines)  # fails on anything but strings
        with open(self.target, "w") as out:
            out.write(body)


class Exporter:
    def run(self):
        with open(self.destination, "w") as out:
            out.write("done")


class Sweeper:
    def sweep(self):
        try:
            return os.listdir(self.spool)
        except OSError:
            return None


class DataOnlyTests(unittest.TestCase):
    def setUp(self):
        self.settings = mock.MagicMock()

    def test_account_checked_first(self):
        self.settings.account = None
        self.settings.key_file = "/tmp/absent-key.pem"
        with self.assertRaises(ValueError):
            validate(self.settings)

    def test_location_round_trip(self):
        loc = Location()
        loc.where = "/tmp/some-mirror"
        self.assertEqual(loc.where, "/tmp/some-mirror")

    def test_flush_rejects_numbers(self):
        ledger = Ledger()
        ledger.target = "/tmp/ledger.txt"
        ledger.lines = [1, 2]
        with self.assertRaises(TypeError):
            ledger.flush()

    def test_missing_spool(self):
        sweeper = Sweeper()
        sweeper.spool = "/tmp/no/such/spool/dir"
        self.assertIsNone(sweeper.sweep())

    def test_export_writes(self):
        job = Exporter()
        job.destination = "/tmp/export-result.txt"
        job.run()
        with open(job.destination) as fh:
            self.assertEqual(fh.read(), "done")
