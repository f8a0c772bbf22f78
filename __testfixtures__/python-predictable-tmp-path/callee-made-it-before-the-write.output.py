import os
import tempfile


def write_header(path, title):
    with open(path, "w") as f:
        f.write(title + "\n")


# A function of this file makes the file first, then the code writes over it.
def report(title, rows):
    with tempfile.TemporaryDirectory(prefix="report-") as private_dir:
        path = os.path.join(private_dir, "report.txt")
        write_header(path, title)
        with open(path) as f:
            head = f.read()
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            f.write(head + "\n".join(rows) + "\n")
        with open(path) as f:
            return f.read()
