import { fs, os, path } from './node.mjs';

export function writeReport(text) {
  const file = path.join(os.tmpdir(), 'report-summary.txt');
  fs.writeFileSync(file, text);
  const back = fs.readFileSync(file, 'utf8');
  fs.unlinkSync(file);
  return back.toUpperCase();
}
