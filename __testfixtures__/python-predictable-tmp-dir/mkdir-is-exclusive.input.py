# os.mkdir and os.makedirs without exist_ok fail on a name that is there (a symlink too): the danger
# is a name taken first and, with no mode, a directory others can read; exist_ok=True adopts theirs.
import os
import tempfile


def export_report(rows):
    outdir = os.path.join(tempfile.gettempdir(), 'report-export')
    os.mkdir(outdir)
    with open(os.path.join(outdir, 'rows.csv'), 'w') as f:
        f.writelines(rows)
    return len(rows)


def export_private(rows):
    outdir = '/tmp/report-private'
    os.makedirs(outdir, 0o700)
    with open(os.path.join(outdir, 'rows.csv'), 'w') as f:
        f.writelines(rows)
    return len(rows)


def export_shared(rows):
    outdir = '/tmp/report-shared'
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, 'rows.csv'), 'w') as f:
        f.writelines(rows)
    return len(rows)


def export_tolerant(rows):
    outdir = '/tmp/report-tolerant'
    try:
        os.mkdir(outdir)
    except FileExistsError:
        pass
    with open(os.path.join(outdir, 'rows.csv'), 'w') as f:
        f.writelines(rows)
    return len(rows)
