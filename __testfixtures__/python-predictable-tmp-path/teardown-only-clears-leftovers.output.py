import os
import tempfile

LEFTOVERS = ["probe-notes.txt", "probe-state.txt"]


def clear_leftovers():
    # run after each test: removes what a failed test may have left
    for name in LEFTOVERS:
        stale = os.path.join(tempfile.gettempdir(), name)
        if os.path.isfile(stale):
            os.remove(stale)


def check_notes(text):
    with tempfile.TemporaryDirectory(prefix="probe-notes-") as private_dir:
        notes = os.path.join(private_dir, "probe-notes.txt")
        with os.fdopen(os.open(notes, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as fh:
            fh.write(text)
        with open(notes) as fh:
            seen = fh.read()
        os.remove(notes)
    return seen


def stage_state(text):
    # the caller reads it; only clear_leftovers() removes it
    state = os.path.join(tempfile.gettempdir(), "probe-state.txt")
    with open(state, "w") as fh:
        fh.write(text)
    return state
