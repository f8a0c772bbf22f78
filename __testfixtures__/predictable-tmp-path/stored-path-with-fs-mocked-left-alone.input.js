const fs = require('fs');
const path = require('path');

// A unit test that replaces fs: the '/tmp/package' it stores on the object under test is data, and
// nothing in the run creates it on disk, so there is nothing to report.
describe('deploy', () => {
  const service = {};
  beforeEach(() => {
    service.packagePath = '/tmp/package';
    jest.spyOn(fs, 'readFileSync').mockReturnValue(Buffer.from('zip'));
  });

  it('reads the artifact', () => {
    expect(fs.readFileSync(path.join(service.packagePath, 'first.zip'))).toBeTruthy();
  });
});
