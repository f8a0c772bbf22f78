import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';

// temporaryWrite* writes the file 0644 and not exclusively; the caller gets its path.
export async function stage(data) {
  const file = await fs.promises.mkdtemp(path.join(fs.realpathSync(os.tmpdir()), 'tmp-')).then(async (tmpDir) => { const tmpFile = path.join(tmpDir, 'tmp.json'); await fs.promises.writeFile(tmpFile, data, { flag: 'wx', mode: 0o600 }); return tmpFile; });
  const copy = ((tmpFile2) => (fs.writeFileSync(tmpFile2, fs.readFileSync(file, 'utf8'), { flag: 'wx', mode: 0o600 }), tmpFile2))(path.join(fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'tmp-')), 'copy.json'));
  return [fs.readFileSync(copy, 'utf8'), file.endsWith('.json')];
}
