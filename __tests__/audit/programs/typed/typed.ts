// TypeScript compiled to JavaScript with a source map: the record must point at this file's lines.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

interface Settings {
  name: string;
  retries: number;
}

type Writer = (file: string, settings: Settings) => void;

const write: Writer = (file, settings) => {
  fs.writeFileSync(file, JSON.stringify(settings)); // audit: insecure-creation
};

export function saveSettings(settings: Settings): void {
  const file: string = path.join(os.tmpdir(), 'typed-settings.json');
  write(file, settings);
  fs.unlinkSync(file);
}

saveSettings({ name: 'typed', retries: 3 });
