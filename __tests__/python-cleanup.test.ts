// Python fixtures whose input already creates its file safely but leaves it behind (mkstemp, mkdtemp,
// NamedTemporaryFile(delete=False)), or uses a random name-only API no symlink can be planted at in
// advance (mktemp): a `<case>.cleanup.json` sidecar runs input and output for real, with TMPDIR a fresh
// directory. The input must leave something behind (so the test can fail); the output must return
// what the input returned, raise what it raised, and leave nothing, on success and on an exception.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/python';

const RUNNER = path.join(__dirname, 'helpers', 'exploit', 'runner.py');

interface Sidecar {
  export: string;
  args: unknown[];
  throwArgs?: unknown[];
}

interface Reply {
  ok: boolean;
  result?: unknown;
  error?: string;
  stage?: string;
  leftAtReturn: string[];
}

const scratch = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'tmpfix-cleanup-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function run(module: string, fn: string, args: unknown[]): { reply: Reply; tmpdir: string; after: string[] } {
  const tmpdir = fs.mkdtempSync(path.join(scratch, 'tmp-'));
  const result = spawnSync('python3', [RUNNER, module, fn, JSON.stringify(args)], {
    input: 'go\n',
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: scratch, LANG: 'C.UTF-8', TMPDIR: tmpdir, PYTHONDONTWRITEBYTECODE: '1' },
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  const last = result.stdout.trimEnd().split('\n').pop() ?? '';
  const reply = JSON.parse(last) as Reply;
  return { reply, tmpdir, after: fs.readdirSync(tmpdir).sort() };
}

/** The run's temp directory and random names made comparable: a path compares by its base name, random parts masked. */
function comparable(value: unknown, tmpdir: string): unknown {
  return JSON.parse(JSON.stringify(value ?? null).split(tmpdir).join('$TMPDIR').replace(/\$TMPDIR\/[^"'\s]*\/([^/"'\s]+)/g, '$TMPDIR/…/$1').replace(/tmp[a-z0-9_]{8}/g, 'tmpXXXXXXXX')) as unknown;
}

const cases = fs
  .readdirSync(FIXTURES)
  .filter((d) => d.startsWith('python-'))
  .flatMap((d) => fs.readdirSync(path.join(FIXTURES, d)).filter((f) => f.endsWith('.cleanup.json')).map((f) => path.join(FIXTURES, d, f)));

it('finds Python cleanup cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(4);
});

for (const file of cases) {
  const base = file.slice(0, -'.cleanup.json'.length);
  const sidecar = JSON.parse(fs.readFileSync(file, 'utf8')) as Sidecar;
  describe(path.relative(FIXTURES, base), () => {
    const input = `${base}.input.py`;
    const output = `${base}.output.py`;

    it('the input leaves files behind, on success or when it raises', () => {
      const success = run(input, sidecar.export, sidecar.args);
      expect(success.reply.ok, JSON.stringify(success.reply)).toBe(true);
      const raised = sidecar.throwArgs ? run(input, sidecar.export, sidecar.throwArgs).after : [];
      expect([...success.after, ...raised], 'the input must leave something behind, or the case proves nothing').not.toEqual([]);
    });

    it('the output returns what the input returned and leaves nothing', () => {
      const before = run(input, sidecar.export, sidecar.args);
      const after = run(output, sidecar.export, sidecar.args);
      expect(after.reply.ok, JSON.stringify(after.reply)).toBe(true);
      expect(comparable(after.reply.result, after.tmpdir)).toEqual(comparable(before.reply.result, before.tmpdir));
      expect(after.reply.leftAtReturn, 'at return').toEqual([]);
      expect(after.after, 'after the process exited').toEqual([]);
    });

    if (sidecar.throwArgs) {
      it('when the call raises, the output raises the same and still leaves nothing', () => {
        const before = run(input, sidecar.export, sidecar.throwArgs!);
        expect(before.reply.ok).toBe(false);
        expect(before.reply.stage).toBe('call');
        const after = run(output, sidecar.export, sidecar.throwArgs!);
        expect(after.reply.ok).toBe(false);
        expect(comparable(after.reply.error, after.tmpdir)).toEqual(comparable(before.reply.error, before.tmpdir));
        expect(after.reply.leftAtReturn, 'at the raise').toEqual([]);
        expect(after.after).toEqual([]);
      });
    }
  });
}
