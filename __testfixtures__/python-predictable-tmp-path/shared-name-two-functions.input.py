import json
import os
import tempfile


def save_session(session):
    with open(os.path.join(tempfile.gettempdir(), "cli-session.json"), "w") as f:
        json.dump(session, f)
    return True


def load_session():
    path = os.path.join(tempfile.gettempdir(), "cli-session.json")
    with open(path) as f:
        return json.load(f)
