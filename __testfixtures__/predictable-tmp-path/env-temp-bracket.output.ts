import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function writeCrashReport(report: object): number {
  const base = process.env['TEMP'] || os.tmpdir();
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-report-'));
  try {
    const file = path.join(privateDir, 'crash-report.json');
    fs.writeFileSync(file, JSON.stringify(report), { flag: 'wx', mode: 0o600 });
    return fs.statSync(file).size;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}
