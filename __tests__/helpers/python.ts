// The Python fixtures (__testfixtures__/python-<rule>/) and Debian's python3, for the tests that need them.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const FIXTURES = path.resolve(__dirname, '..', '..', '__testfixtures__');
const INPUT = /^(.+)\.input\.pyw?$/;

export interface PyCase {
  /** The rule id: the folder name without `python-`. */
  rule: string;
  name: string;
  input: string;
  /** Absent when the input must stay byte-for-byte as it is. */
  output?: string;
  findings?: string;
}

export function findPythonCases(): PyCase[] {
  const cases: PyCase[] = [];
  for (const folder of fs.readdirSync(FIXTURES).sort()) {
    if (!folder.startsWith('python-')) continue;
    const dir = path.join(FIXTURES, folder);
    for (const file of fs.readdirSync(dir).sort()) {
      const match = INPUT.exec(file);
      if (!match) continue;
      const name = match[1];
      const output = path.join(dir, `${name}.output.py`);
      const findings = path.join(dir, `${name}.findings.json`);
      cases.push({
        rule: folder.slice('python-'.length),
        name,
        input: path.join(dir, file),
        output: fs.existsSync(output) ? output : undefined,
        findings: fs.existsSync(findings) ? findings : undefined,
      });
    }
  }
  return cases;
}

const COMPILE = `
import json, sys
problems = {}
for name, source in json.loads(sys.stdin.read()).items():
    try:
        compile(source, name, "exec")
    except SyntaxError as error:
        problems[name] = "%s (line %s)" % (error.msg, error.lineno)
print(json.dumps(problems))
`;

/** Compiles each text with python3 (`compile(src, name, 'exec')`), in one process: the failures, by name. */
export function compileWithPython(sources: Record<string, string>): Record<string, string> {
  const result = spawnSync('python3', ['-c', COMPILE], { input: JSON.stringify(sources), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`python3 is needed to compile the fixtures' outputs (.ci/run installs it): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, string>;
}
