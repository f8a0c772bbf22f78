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
import { summarize } from '../engine/context';

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
    ctx = new PyContext(source, parsed.root, filePath, options.sharedNames, options.python2, options.privateTempdir);
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
  const findings: Finding[] = foldIntoOwnDirectory(ctx.findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)));
  if (output === source) return { output, changed: false, findings };
  const again = parsePython(output);
  if (again.error) throw new InternalError(`the rewrite of ${filePath} does not parse (line ${again.error.line}, column ${again.error.column}: ${again.error.message})`);
  // `import os` further down a function makes `os` local to all of it: new code above that import
  // would raise UnboundLocalError. Such a rewrite is not offered; its findings say why.
  const before = unboundBeforeImport(parsed.root, source);
  const shadowed = [...unboundBeforeImport(again.root, output)].filter((name) => !before.has(name));
  if (shadowed.length > 0) return { output: source, changed: false, findings: findings.map((f) => (f.fixed ? notRewritten(f, shadowed[0]) : f)) };
  return { output, changed: true, findings };
}

/**
 * Names a function imports itself (`import os` in its body) and uses earlier in that body, where
 * they are unbound: the names, keyed `function-start:name` by nothing more than the name.
 */
function unboundBeforeImport(root: PyNode, text: string): Set<string> {
  const found = new Set<string>();
  walk(root, (fn) => {
    if (fn.type !== 'function_definition') return;
    const body = fn.children.find((c) => c.field === 'body');
    if (!body) return;
    const imported = new Map<string, number>();
    const uses: { name: string; at: number }[] = [];
    const visit = (node: PyNode): void => {
      if (node !== body && (node.type === 'function_definition' || node.type === 'class_definition' || node.type === 'lambda')) return;
      if (node.type === 'import_statement' || node.type === 'import_from_statement') {
        for (const item of node.children.filter((c) => c.field === 'name')) {
          const alias = item.type === 'aliased_import' ? item.children.find((c) => c.field === 'alias') : undefined;
          const name = alias ? text.slice(alias.start, alias.end) : text.slice(item.start, item.end).split('.')[0];
          if (node.type === 'import_from_statement' && !alias && item.type !== 'dotted_name') continue;
          if (!imported.has(name)) imported.set(name, node.start);
        }
        return;
      }
      if (node.type === 'identifier') uses.push({ name: text.slice(node.start, node.end), at: node.start });
      for (const child of node.children) visit(child);
    };
    visit(body);
    for (const use of uses) {
      const at = imported.get(use.name);
      if (at !== undefined && use.at < at) found.add(use.name);
    }
  });
  return found;
}

const INSIDE_OWN = /^[^:]*? inside '[^']*', which [\w.]+\(\) at line (\d+) made for this code exclusively/;

/**
 * What the code creates inside a directory it made exclusively (cobbler's tests: `os.mkdir(d)`, then
 * `Path(d + '/vmlinuz').touch()`) is exposed only through that directory: while the directory's own
 * finding is open, the file's says nothing more, so it is named there instead of reported on its own.
 */
function foldIntoOwnDirectory(findings: Finding[]): Finding[] {
  const inside = new Map<Finding, number[]>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const match = finding.fixed || finding.suppressed ? null : INSIDE_OWN.exec(finding.message);
    const dir = match ? findings.find((d) => d !== finding && d.line === Number(match[1]) && d.ruleId === 'predictable-tmp-dir' && !d.fixed && !d.suppressed) : undefined;
    if (!dir) {
      kept.push(finding);
      continue;
    }
    inside.set(dir, [...(inside.get(dir) ?? []), finding.line]);
  }
  return kept.map((finding) => {
    const lines = inside.get(finding);
    if (!lines) return finding;
    const list = [...new Set(lines)];
    const message = `${finding.message}. What the code creates inside it (line${list.length > 1 ? 's' : ''} ${list.join(', ')}) is exposed only through it and is safe once it is private, so it is not reported on its own`;
    return { ...finding, message, summary: summarize(message, false) };
  });
}

function notRewritten(finding: Finding, name: string): Finding {
  const head = finding.message.split(': ')[0];
  const message = `${head}: not rewritten: the function imports ${name} itself further down, which makes ${name} local to all of it, so the new code that uses ${name} above that import would fail (UnboundLocalError). Move that import to the top of the function or of the module, then run tmpfix again`;
  return { ...finding, fixed: false, message, summary: summarize(message, false) };
}
