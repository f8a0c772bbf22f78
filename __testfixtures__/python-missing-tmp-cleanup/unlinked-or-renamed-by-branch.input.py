import errno
import filecmp
import os
import shutil
import tempfile


class Project:
    def __init__(self, path, created_dir):
        self.path = path
        self.created_dir = created_dir

    # The shape of gyp's xcode generator: identical output is unlinked, new output renamed into place,
    # and any error unlinks it (and the directory made for it) before it goes on.
    def write(self, text):
        (output_fd, new_path) = tempfile.mkstemp(
            suffix=".tmp", prefix="project.gyp.", dir=self.path
        )

        try:
            output_file = os.fdopen(output_fd, "w")
            output_file.write(text)
            output_file.close()

            final_path = os.path.join(self.path, "project.txt")

            same = False
            try:
                same = filecmp.cmp(final_path, new_path, False)
            except OSError as e:
                if e.errno != errno.ENOENT:
                    raise

            if same:
                # Identical: get rid of the new one.
                os.unlink(new_path)
            else:
                umask = os.umask(0o77)
                os.umask(umask)

                os.chmod(new_path, 0o666 & ~umask)
                os.rename(new_path, final_path)

        except Exception:
            # Leave nothing behind.
            os.unlink(new_path)
            if self.created_dir:
                shutil.rmtree(self.path, True)
            raise
