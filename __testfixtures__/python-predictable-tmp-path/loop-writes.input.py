import os
import tempfile


def chunk_sizes(text, size):
    sizes = []
    for i in range(0, len(text), size):
        part = os.path.join(tempfile.gettempdir(), "chunk-%d.part" % i)
        with open(part, "w") as f:
            f.write(text[i:i + size])
        sizes.append(os.path.getsize(part))
    if len(sizes) > 3:
        raise ValueError("too many chunks: %d" % len(sizes))
    return sizes
