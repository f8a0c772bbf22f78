import shutil
import tempfile


def main():
    tempdir = tempfile.mkdtemp()
    try:
        print(tempdir)
    finally:
        shutil.rmtree(tempdir)


if __name__ == '__main__':
    main()
