// The driver's rules for answering alerts: which findings answer which alert, and when a file's
// rewrite is held back because it would change lines no alert names.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlertRun, fixedOutsideLocations, fixLeavesBehind, holdBackRewrite, judgeAlerts, locationsOf, type Alert, type CallerResults } from '../src/driver/alerts';
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

describe('what a rewrite leaves behind', () => {
  it('takes a rewrite to remove what it makes only when the engine says so', () => {
    const fixed = (message: string, extra: Partial<Finding> = {}): Finding => finding(1, true, { message, ...extra });
    expect(fixLeavesBehind(fixed('x: its removal is now in finally, so it goes on every path, errors included'))).toBeUndefined();
    expect(fixLeavesBehind(fixed('x; now created in a private directory from tempfile.TemporaryDirectory() (mode 0700) under the same name, removed when the function is done with it'))).toBeUndefined();
    expect(fixLeavesBehind(fixed('x: moved into a private mkdtemp directory (mode 0700), not removed: cleanup is left to the caller, because it is returned', { callerRemoves: 'path.dirname() of the returned path' })))
      .toBe('the caller must remove path.dirname() of the returned path');
    expect(fixLeavesBehind(fixed("x; now y; it is returned, so removing that directory is the caller's job"))).toBe('its removal is left to the caller');
    expect(fixLeavesBehind(fixed('x: moved into a private mkdtemp directory (mode 0700), removed where the old code removed the file (line 9)'))).toBe('it is removed only where the old code removed it');
    expect(fixLeavesBehind(fixed('x: makes a sibling of the temp directory: secured'))).toBe('the rewrite removes nothing');
  });
});

describe('alerts with callers (tmpfix audit)', () => {
  const caller = '/repo/test/a.test.js';
  const viaAlert = (extra: Partial<Alert> = {}): Alert => ({ ...alert(8), tool: 'tmpfix audit', ruleId: 'audit/insecure-creation', via: [{ file: caller, line: 28 }, { file: '/repo/test/b.test.js', line: 40 }], ...extra });
  const prefiltered: FileResult = { seq: 0, rel: 'a.js', status: 'unchanged', why: 'prefilter', target: 'node', findings: [] };
  const callers = (callerResult: FileResult | undefined): CallerResults => ({ resultOf: (abs) => (abs === caller ? callerResult : undefined), relOf: (abs) => abs.replace('/repo/', '') });

  it('says where the path arrives from when the file shows no temp path', () => {
    expect(judgeAlerts('a.js', [viaAlert()], prefiltered, '', callers(undefined))[0]).toMatchObject({
      status: 'not-found', reason: 'the static analysis does not see a temp path here (it arrives from test/a.test.js:28 < test/b.test.js:40)',
    });
    expect(judgeAlerts('a.js', [viaAlert()], changed([finding(3, true)]), '', callers(undefined))[0]).toMatchObject({
      status: 'not-found', reason: "no tmpfix finding on line 8 (it arrives from test/a.test.js:28 < test/b.test.js:40); tmpfix's findings in this file are on line 3",
    });
  });

  it("is answered at a caller's line that has a finding", () => {
    const callerFixed = changed([finding(28, true)], { rel: 'test/a.test.js' });
    expect(judgeAlerts('a.js', [viaAlert()], prefiltered, '', callers(callerFixed))[0]).toMatchObject({ status: 'fixed', reason: 'at the caller test/a.test.js:28, where the path comes from', findings: [] });
    const callerOpen = changed([finding(28, false, { message: 'left for a person' })], { rel: 'test/a.test.js' });
    expect(judgeAlerts('a.js', [viaAlert()], prefiltered, '', callers(callerOpen))[0]).toMatchObject({ status: 'reported', reason: 'at the caller test/a.test.js:28, where the path comes from: predictable-tmp-path: left for a person' });
    // A finding at the alert's own line comes first.
    expect(judgeAlerts('a.js', [viaAlert()], changed([finding(8, true)]), '', callers(callerOpen))[0]).toMatchObject({ status: 'fixed', findings: [0] });
  });

  it('reads the callers\' files and keeps their rewrites on the callers\' lines', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tmpfix-alerts-'));
    try {
      for (const name of ['a.js', 'caller.js', 'notes.txt']) fs.writeFileSync(path.join(dir, name), '');
      const run = new AlertRun([{ ...viaAlert(), file: path.join(dir, 'a.js'), via: [{ file: path.join(dir, 'caller.js'), line: 28 }, { file: path.join(dir, 'notes.txt'), line: 1 }, { file: path.join(dir, 'gone.js'), line: 2 }] }], []);
      expect(run.paths).toEqual([path.join(dir, 'a.js'), path.join(dir, 'caller.js')]);
      expect(run.locationsFor(path.join(dir, 'caller.js'))).toEqual([{ line: 28 }]);
      expect(run.locationsFor(path.join(dir, 'a.js'))).toEqual([{ line: 8 }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers an alert about a leftover as fixed only by a rewrite that removes it', () => {
    const leftBehind = viaAlert({ ruleId: 'audit/left-behind', leftBehind: true });
    const kept = finding(8, true, { message: "x: moved into a private mkdtemp directory (mode 0700), not removed: cleanup is left to the caller, because it is returned", callerRemoves: 'path.dirname() of the returned path' });
    expect(judgeAlerts('a.js', [leftBehind], changed([kept]), '')[0]).toMatchObject({
      status: 'reported', reason: 'predictable-tmp-path rewrites it (the caller must remove path.dirname() of the returned path), but what the audit saw left behind stays behind',
    });
    const removed = finding(8, true, { message: 'x: moved into a private mkdtemp directory (mode 0700), removed in finally' });
    expect(judgeAlerts('a.js', [leftBehind], changed([removed]), '')[0]).toMatchObject({ status: 'fixed' });
    // The same rewrite answers an alert about the creation.
    expect(judgeAlerts('a.js', [viaAlert()], changed([kept]), '')[0]).toMatchObject({ status: 'fixed' });
  });
});
