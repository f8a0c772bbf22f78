// A launcher handed a temp directory helper by its container: the helper names and makes the profile.
function BrowserLauncher(spawn, tempDir) {
  const self = this;
  this._profile = tempDir.getPath(`/launcher-${this.id}`);

  this.on('start', function (url) {
    tempDir.create(self._profile);
    spawn('browser', ['--profile', self._profile, url]);
  });
}

// A helper whose name is random, and one that is only read, are not reported.
function ReportWriter(tmpDir) {
  this.out = tmpDir.getPath(`/report-${Math.random().toString(36).slice(2)}`);
  tmpDir.create(this.out);
}

module.exports = { BrowserLauncher, ReportWriter };
