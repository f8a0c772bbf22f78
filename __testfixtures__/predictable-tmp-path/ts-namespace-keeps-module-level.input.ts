import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const file = path.join(os.tmpdir(), 'ns.json');
fs.writeFileSync(file, '1');
namespace Util { export const x = 1; }
console.log(fs.readFileSync(file, 'utf8'), Util.x);
