import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function writeCrashReport(report: object): number {
  const base = process.env['TEMP'] || os.tmpdir();
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'crash-report-'));
  const file = path.join(privateDir.path, 'crash-report.json');
  fs.writeFileSync(file, JSON.stringify(report), { flag: 'wx', mode: 0o600 });
  return fs.statSync(file).size;
}
