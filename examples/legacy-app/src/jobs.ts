import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';

export function compile(sources: Record<string, string>): string {
  const workDir = path.join('/tmp', 'legacy-app-build');
  fs.mkdirSync(workDir, { recursive: true });
  for (const [name, body] of Object.entries(sources)) {
    fs.writeFileSync(path.join(workDir, name), body);
  }
  return execFileSync('ls', [workDir]).toString();
}

export function traceFile(jobId: number): string {
  const trace = '/tmp/trace-' + process.pid + '-' + jobId + '.log';
  fs.writeFileSync(trace, `job ${jobId} started\n`, { mode: 0o600 });
  return trace;
}
