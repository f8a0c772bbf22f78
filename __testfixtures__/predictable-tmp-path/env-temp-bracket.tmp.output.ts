import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tmp from 'tmp';

export function writeCrashReport(report: object): number {
  const base = process.env['TEMP'] || os.tmpdir();
  const privateDir = tmp.dirSync({ prefix: 'crash-report-', unsafeCleanup: true });
  try {
    const file = path.join(privateDir.name, 'crash-report.json');
    fs.writeFileSync(file, JSON.stringify(report), { flag: 'wx', mode: 0o600 });
    return fs.statSync(file).size;
  } finally {
    privateDir.removeCallback();
  }
}
