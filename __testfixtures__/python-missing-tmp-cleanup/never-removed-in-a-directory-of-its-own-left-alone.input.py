import tempfile


class ServerTest:
    # beets' bpd tests: the config goes into the helper's own temp directory, which the test
    # fixture removes with everything in it after each test.
    def start(self, server, temp_path):
        config_file = tempfile.NamedTemporaryFile(mode="wb", dir=str(temp_path), suffix=".yaml", delete=False)
        config_file.write(b"port: 6600\n")
        config_file.close()
        return server.run(config_file.name)


def scratch(tmp_path):
    # pytest's tmp_path is pytest's to remove.
    fd, name = tempfile.mkstemp(dir=tmp_path)
    with open(fd, "w") as f:
        f.write("x")
    return len(name)
