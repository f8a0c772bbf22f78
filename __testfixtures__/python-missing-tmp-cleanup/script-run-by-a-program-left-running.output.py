import os
import subprocess
import tempfile


def open_in_pager(text, pager="less"):
    cmd = [pager]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as note:
        note.write(text)
        cmd += [note.name]
    # the pager reads the file after this function has returned
    return subprocess.Popen(cmd).pid


def count_words(text):
    cmd = ["wc", "-w"]
    note = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
    try:
        with note:
            note.write(text)
            cmd += [note.name]
        out = subprocess.check_output(cmd)
    finally:
        os.remove(note.name)
    return int(out.split()[0])
