import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// A TypeScript class: the private directory's field must be declared, or tsc rejects `this.privateDir`.
export class SessionStore {
  private readonly file: string;

  constructor(readonly user: string) {
    this.file = path.join(os.tmpdir(), `session-${user}.json`);
    fs.writeFileSync(this.file, '{}');
  }

  save(data: object): void {
    fs.writeFileSync(this.file, JSON.stringify(data));
  }

  load(): object {
    return JSON.parse(fs.readFileSync(this.file, 'utf8')) as object;
  }

  close(): void {
    fs.unlinkSync(this.file);
  }
}

export function roundTrip(user: string): object {
  const store = new SessionStore(user);
  try {
    store.save({ user });
    return store.load();
  } finally {
    store.close();
  }
}
