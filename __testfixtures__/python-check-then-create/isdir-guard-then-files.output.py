import os
import tempfile


def stage(files):
    with tempfile.TemporaryDirectory(prefix="stage-area-") as private_dir:
        area = os.path.join(private_dir, "stage-area")
        os.mkdir(area, 0o700)
        for name, text in files.items():
            with os.fdopen(os.open(os.path.join(area, name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
                f.write(text)
        return sorted(os.listdir(area))
