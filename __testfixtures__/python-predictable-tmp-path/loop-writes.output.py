import os
import tempfile


def chunk_sizes(text, size):
    sizes = []
    for i in range(0, len(text), size):
        with tempfile.TemporaryDirectory(prefix="chunk-") as private_dir:
            part = os.path.join(private_dir, "chunk-%d.part" % i)
            with os.fdopen(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
                f.write(text[i:i + size])
            sizes.append(os.path.getsize(part))
    if len(sizes) > 3:
        raise ValueError("too many chunks: %d" % len(sizes))
    return sizes
