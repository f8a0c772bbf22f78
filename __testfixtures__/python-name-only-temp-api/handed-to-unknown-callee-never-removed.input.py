import gzip
import tempfile


class Backup:
    def push_snapshot(self, rows):
        archive = tempfile.mktemp(suffix=".gz")
        with gzip.open(archive, "wt") as out:
            for row in rows:
                out.write(row + "\n")
        self.transport.send_file(archive, "/srv/backups/latest.gz")
        return len(rows)
