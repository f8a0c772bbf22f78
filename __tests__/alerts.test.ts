// The driver's rules for answering alerts: which findings answer which alert, and when a file's
// rewrite is held back because it would change lines no alert names.
import { describe, expect, it } from 'vitest';
import { fixedOutsideLocations, holdBackRewrite, judgeAlerts, locationsOf, type Alert } from '../src/driver/alerts';
import type { Finding } from '../src/index';
import type { ChangedResult, FileResult } from '../src/driver/types';

function finding(line: number, fixed: boolean, extra: Partial<Finding> = {}): Finding {
  const summary = `fs.writeFileSync() creates 'f${line}.json' in the temp dir: ${fixed ? 'secured and removed on every path' : 'not rewritten: left alone'}`;
  return { ruleId: 'predictable-tmp-path', message: `finding on ${line}`, summary, line, column: 3, endLine: line, endColumn: 40, fixed, suppressed: false, ...extra };
}
function alert(line: number, column?: number): Alert {
  return { tool: 'CodeQL', ruleId: 'js/insecure-temporary-file', file: '/repo/a.js', line, column, message: '', ref: `log#0/${line}` };
}
function changed(findings: Finding[], extra: Partial<ChangedResult> = {}): FileResult {
  return { seq: 0, rel: 'a.js', status: 'changed', target: 'node', findings, hunks: [], ...extra };
}

describe('locations and held-back rewrites', () => {
  it('asks the engine for each flagged line once, in order, leaving out alerts without a line', () => {
    expect(locationsOf([alert(9), alert(2), alert(9), alert(0)])).toEqual([{ line: 2 }, { line: 9 }]);
  });

  it('a fixed finding spanning several lines lies on each of them', () => {
    const multi = finding(4, true, { endLine: 6 });
    expect(fixedOutsideLocations([multi], [{ line: 5 }])).toEqual([]);
    expect(fixedOutsideLocations([multi], [{ line: 7 }])).toEqual([multi]);
  });

  it('only fixed findings can hold a rewrite back', () => {
    expect(fixedOutsideLocations([finding(2, true), finding(8, false)], [{ line: 2 }])).toEqual([]);
    expect(fixedOutsideLocations([finding(2, true), finding(8, true)], [{ line: 2 }]).map((f) => f.line)).toEqual([8]);
  });

  it('a held-back rewrite leaves every finding for a person, with the lines that were not flagged', () => {
    const findings = [finding(2, true), finding(8, true), finding(9, false, { message: 'left alone' })];
    const held = holdBackRewrite(findings, [findings[1]]);
    expect(held.map((f) => f.fixed)).toEqual([false, false, false]);
    expect(held[0].message).toMatch(/^finding on 2 \(not rewritten: .*also changes line 8, which no alert names/);
    expect(held[2].message).toBe('left alone');
    // The short line no longer says "secured".
    expect(held[0].summary).toBe("fs.writeFileSync() creates 'f2.json' in the temp dir: not rewritten: held back, the rewrite also changes unflagged lines");
    expect(held[2].summary).toBe(findings[2].summary);
  });
});

describe('what became of an alert', () => {
  it('is fixed only when every finding under it is fixed and the rewrite was written', () => {
    const two = [finding(5, true, { column: 3, endColumn: 20 }), finding(5, false, { column: 30, endColumn: 60, message: 'shared name' })];
    // The column picks the finding under the alert when a line has several.
    expect(judgeAlerts('a.js', [alert(5, 10)], changed(two), '')[0]).toMatchObject({ status: 'fixed', findings: [0] });
    expect(judgeAlerts('a.js', [alert(5, 35)], changed(two), '')[0]).toMatchObject({ status: 'reported', reason: 'predictable-tmp-path: shared name', findings: [1] });
    expect(judgeAlerts('a.js', [alert(5)], changed(two), '')[0]).toMatchObject({ status: 'reported', findings: [0, 1] });
    const failed = changed([finding(5, true)], { written: false, writeError: 'not written: it changed since tmpfix read it; your version is kept' });
    expect(judgeAlerts('a.js', [alert(5)], failed, '')[0]).toMatchObject({ status: 'reported', reason: expect.stringMatching(/your version is kept/) });
  });

  it('is not found where tmpfix has nothing on that line, with where its findings are', () => {
    const outcome = judgeAlerts('a.js', [alert(3), alert(0)], changed([finding(5, true), finding(9, false)]), '');
    expect(outcome[0]).toMatchObject({ status: 'not-found', reason: "no tmpfix finding on line 3; tmpfix's findings in this file are on lines 5, 9" });
    expect(outcome[1]).toMatchObject({ status: 'not-found', reason: 'the alert names no line' });
  });

  it('is reported with the reason when the file was skipped, failed, or not in the run', () => {
    const skipped: FileResult = { seq: 0, rel: 'a.js', status: 'skipped', reason: 'minified', detail: 'line 1 has 9000 characters' };
    expect(judgeAlerts('a.js', [alert(1)], skipped, '')[0]).toMatchObject({ status: 'reported', reason: 'the file was skipped: minified (line 1 has 9000 characters)' });
    const parse: FileResult = { seq: 0, rel: 'a.js', status: 'error', kind: 'parse', message: 'Unexpected token', line: 1, column: 4 };
    expect(judgeAlerts('a.js', [alert(1)], parse, '')[0]).toMatchObject({ status: 'reported', reason: 'parse error: Unexpected token' });
    expect(judgeAlerts('a.js', [alert(1)], undefined, 'not in this run')[0]).toMatchObject({ status: 'reported', reason: 'not in this run' });
  });
});
