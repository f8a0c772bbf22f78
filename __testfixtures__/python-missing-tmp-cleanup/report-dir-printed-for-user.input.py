import multiprocessing
import tempfile


def render(out_dir, page):
    with open("%s/page-%d.html" % (out_dir, page), "w") as f:
        f.write("<p>%d</p>\n" % page)


def build_site(pages):
    out_dir = tempfile.mkdtemp(prefix="site-")  # kept: the user opens it afterwards
    workers = [multiprocessing.Process(target=render, args=(out_dir, n)) for n in range(pages)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("Open the pages in", out_dir)
