import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function downloadedSchema(fetchSchema: () => string): string {
  const schemaPath = path.join(os.tmpdir(), 'openapi-schema.json');
  if (fs.existsSync(schemaPath)) return fs.readFileSync(schemaPath, 'utf8');
  const schema = fetchSchema();
  fs.writeFileSync(schemaPath, schema);
  return schema;
}
