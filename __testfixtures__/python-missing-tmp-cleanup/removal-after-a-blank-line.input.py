import shutil
import tempfile


def main():
    tempdir = tempfile.mkdtemp()
    print(tempdir)

    shutil.rmtree(tempdir)


if __name__ == '__main__':
    main()
