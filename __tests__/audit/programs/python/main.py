# Runs every program of this directory in turn: python3 main.py
import importlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
programs = sorted(name[:-3] for name in os.listdir(HERE) if name.endswith(".py") and (name.startswith("p") or name == "safe.py"))
for program in programs:
    importlib.import_module(program).run()
print("ran %d programs" % len(programs))
