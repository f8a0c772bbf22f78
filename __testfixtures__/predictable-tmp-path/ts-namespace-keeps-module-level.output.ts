import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ns-'));
const file = path.join(privateDir, 'ns.json');
fs.writeFileSync(file, '1', { flag: 'wx', mode: 0o600 });
namespace Util { export const x = 1; }
console.log(fs.readFileSync(file, 'utf8'), Util.x);
