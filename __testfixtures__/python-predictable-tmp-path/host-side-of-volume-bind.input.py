class SandboxJob:
    @property
    def host_workdir(self):
        # a path on this machine, mounted into the container
        return "/tmp/job-work"

    def docker_args(self):
        volumes = ["{}:{}".format(self.host_workdir, "/work")]
        return volumes
