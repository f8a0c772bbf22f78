import json
import os
import tempfile


def write_manifest(entries):
    manifest = os.path.join(tempfile.gettempdir(), "manifest.json")
    with open(manifest, "w") as f:
        json.dump(entries, f)
    return manifest
