import os
import tempfile


def temporary_file():
    # Use the TemporaryFile context manager for easy clean-up
    with tempfile.TemporaryFile() as tmp:
        # Do stuff with tmp
        tmp.write(b'stuff')


def named_temporary_file():
    # Clean up a NamedTemporaryFile on your own
    # delete=True means the file will be deleted on close
    tmp = tempfile.NamedTemporaryFile(delete=True)
    try:
        # do stuff with temp
        tmp.write(b'stuff')
    finally:
        tmp.close()  # deletes the file


def mkstemp_fdopen():
    # Handle opening the file yourself. This makes clean-up
    # more complex as you must watch out for exceptions
    fd, path = tempfile.mkstemp()
    try:
        with os.fdopen(fd, 'w') as tmp:
            # do stuff with temp file
            tmp.write('stuff')
    finally:
        os.remove(path)


def mkdtemp_umask():
    tmpdir = tempfile.mkdtemp()
    predictable_filename = 'myfile'

    # Ensure the file is read/write by the creator only
    saved_umask = os.umask(0o077)

    path = os.path.join(tmpdir, predictable_filename)
    print(path)
    try:
        with open(path, "w") as tmp:
            tmp.write("secrets!")
    except IOError as e:
        print('IOError')
    else:
        os.remove(path)
    finally:
        os.umask(saved_umask)
        os.rmdir(tmpdir)
