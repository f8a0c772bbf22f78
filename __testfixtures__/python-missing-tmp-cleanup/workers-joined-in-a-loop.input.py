import multiprocessing
import os
import tempfile


def count(scratch, n):
    with open(os.path.join(scratch, "%d.txt" % n), "w") as f:
        f.write("x" * n)


def total_size(n):
    scratch = tempfile.mkdtemp()
    procs = []
    for i in range(n):
        p = multiprocessing.Process(target=count, args=(scratch, i))
        procs.append(p)
        p.start()
    for p in procs:
        while p.is_alive():
            p.join(1)
    return sum(os.path.getsize(os.path.join(scratch, name)) for name in os.listdir(scratch))
