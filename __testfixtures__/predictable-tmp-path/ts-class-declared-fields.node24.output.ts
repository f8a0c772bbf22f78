import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// A TypeScript class: the private directory's field must be declared, or tsc rejects `this.privateDir`.
export class SessionStore {
  private privateDir: ReturnType<typeof fs.mkdtempDisposableSync>;
  private readonly file: string;

  constructor(readonly user: string) {
    this.privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'session-'));
    this.file = path.join(this.privateDir.path, `session-${user}.json`);
    fs.writeFileSync(this.file, '{}', { mode: 0o600 });
  }

  save(data: object): void {
    fs.writeFileSync(this.file, JSON.stringify(data), { mode: 0o600 });
  }

  load(): object {
    return JSON.parse(fs.readFileSync(this.file, 'utf8')) as object;
  }

  close(): void {
    fs.rmSync(this.privateDir.path, { recursive: true, force: true });
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
