import os
import tempfile


def export(rows):
    with tempfile.TemporaryDirectory(prefix="export-") as private_dir:
        out_dir = os.path.join(private_dir, "export")
        os.makedirs(out_dir, 0o700, exist_ok=True)
        for i, row in enumerate(rows):
            with os.fdopen(os.open(os.path.join(out_dir, "row-%d.csv" % i), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
                f.write(row)
        return sorted(os.listdir(out_dir))
