import json
import os
import tempfile


def write_manifest(entries):
    private_dir = tempfile.mkdtemp(prefix="manifest-")
    manifest = os.path.join(private_dir, "manifest.json")
    with os.fdopen(os.open(manifest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
        json.dump(entries, f)
    return manifest
