# A public function hands the made-up name back inside a wrapper: its callers create the file, so a private directory per call would be theirs to remove without their knowing.
import tempfile

class P(str):
    pass

def new_name():
    return P(tempfile.mktemp())
