import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function writeCrashReport(report: object): number {
  const base = process.env['TEMP'] || os.tmpdir();
  const file = path.join(base, 'crash-report.json');
  fs.writeFileSync(file, JSON.stringify(report));
  return fs.statSync(file).size;
}
