# Pattern 4: pid and time names, and a counter.
import os
import tempfile
import time


def run():
    made = []
    by_pid = os.path.join(tempfile.gettempdir(), "job-%d.txt" % os.getpid())
    open(by_pid, "w").close()  # audit: insecure-creation
    by_time = os.path.join(tempfile.gettempdir(), "job-%d.txt" % time.time_ns())
    open(by_time, "w").close()  # audit: insecure-creation
    made += [by_pid, by_time]
    for i in range(3):
        part = os.path.join(tempfile.gettempdir(), "part-%d.txt" % i)
        open(part, "w").close()  # audit: insecure-creation x3
        made.append(part)
    for name in made:
        os.unlink(name)
