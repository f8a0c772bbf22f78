// A module-level work directory, made only when missing, and exported to the rest of the program.
import fs from 'fs';
import os from 'os';
import path from 'path';

const workDir = path.join(os.tmpdir(), 'book-translator-work');

!fs.existsSync(workDir) && fs.mkdirSync(workDir);

export default workDir;
