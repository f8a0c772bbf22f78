import tempfile


class SandboxJob:
    @property
    def workdir_in_container(self):
        # where the job sees its scratch space, inside the container
        return "/tmp/job-work"

    def docker_args(self):
        host = tempfile.mkdtemp(prefix="job-host-")
        volumes = ["%s:%s" % (host, self.workdir_in_container)]
        env = {"JOB_WORK": self.workdir_in_container}
        return volumes, env, host
