import fs from 'fs';
import os from 'os';
import path from 'path';

export async function seedDatabase(rows) {
  const seedFile = path.join(os.tmpdir(), 'seed.sql');
  if (!fs.existsSync(seedFile)) {
    await fs.promises.writeFile(seedFile, rows.map((r) => `INSERT INTO t VALUES (${r});`).join('\n'));
  }
  const sql = await fs.promises.readFile(seedFile, 'utf8');
  if (rows.length === 0) {
    throw new Error('nothing to seed');
  }
  return sql.split('\n').length;
}
