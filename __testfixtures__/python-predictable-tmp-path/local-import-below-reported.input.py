import tempfile


def word_total(words):
    # The function imports os for itself, below the temp code: os is local to all of it.
    path = tempfile.gettempdir() + "/word-total.txt"
    with open(path, "w") as out:
        out.write(" ".join(words))
    import os
    total = os.path.getsize(path)
    os.remove(path)
    return total
