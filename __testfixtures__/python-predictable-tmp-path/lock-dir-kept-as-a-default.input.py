import os
import tempfile


class Option:
    def __init__(self, default=None, help=""):
        self.default = default


class Settings:
    # pid files of running workers live here, found again by every worker
    worker_lock_dir = Option(default=os.path.join(tempfile.gettempdir(), "worker-runs"), help="pid files")
    report_dir = Option(default=os.path.join(tempfile.gettempdir(), "worker-reports"), help="reports")
