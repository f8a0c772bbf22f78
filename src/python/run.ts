// The Python side's entry: one parse with tree-sitter, every Python rule on the same tree, one set of
// text edits, and the output parsed again before it is offered.
import type { Finding, TransformOptions, TransformResult } from '../engine/types';
import { Cleanups } from './cleanup';
import { PyContext } from './context';
import { parsePython, pythonLoaded, pythonReady } from './parser';
import { PrivateDirs } from './private-dir';
import { pythonRules } from './rules';
import { walk, type PyNode } from './tree';

// The driver already holds the engine's error classes; both sides throw the same ones.
import { InternalError, ParseError } from '../engine/run';

export { InternalError, ParseError, pythonLoaded, pythonReady };

/**
 * Runs the selected Python rules over one file's text. Synchronous once `pythonReady()` has resolved.
 * Throws ParseError when the input does not parse and InternalError when the output would not.
 */
export function transformSource(source: string, filePath: string, options: TransformOptions = {}): TransformResult {
  let parsed;
  try {
    parsed = parsePython(source);
  } catch (error) {
    throw new InternalError(`cannot parse ${filePath} as Python: ${(error as Error).message}`);
  }
  if (parsed.error) throw new ParseError(parsed.error.message, parsed.error.line, parsed.error.column);
  if (!parsed.mentionsTemp) return { output: source, changed: false, findings: [] };
  const selected = options.rules ? pythonRules.filter((r) => options.rules!.includes(r.meta.id)) : pythonRules;
  let ctx: PyContext;
  let output: string;
  try {
    ctx = new PyContext(source, parsed.root, filePath, options.sharedNames);
    const calls: PyNode[] = [];
    walk(parsed.root, (n) => {
      if (n.type === 'call') calls.push(n);
    });
    const dirs = new PrivateDirs(ctx);
    const cleanups = new Cleanups(ctx, dirs.lifetimes);
    for (const rule of selected) rule.run({ ctx, calls, dirs, cleanups });
    dirs.apply();
    output = ctx.edits.empty && ctx.wraps.length === 0 ? source : ctx.output();
  } catch (error) {
    throw new InternalError(`a rule failed on ${filePath}: ${(error as Error).stack ?? String(error)}`);
  }
  const findings: Finding[] = ctx.findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  if (output === source) return { output, changed: false, findings };
  const again = parsePython(output);
  if (again.error) throw new InternalError(`the rewrite of ${filePath} does not parse (line ${again.error.line}, column ${again.error.column}: ${again.error.message})`);
  return { output, changed: true, findings };
}
