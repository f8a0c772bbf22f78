import json


def dump_state(state):
    with open("/tmp/state-dump.json", "w") as f:
        json.dump(state, f)
