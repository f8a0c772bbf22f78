import { parseFile } from './parser';
import { Tree } from './tree';
import type { Node } from './ast';
import { FileContext, type Rule } from './context';
import { applyFieldLifetimes } from './lifetimes';
import { applyPrivateDirs } from './private-dir';
import type { Finding, TransformOptions, TransformResult } from './types';

/** The input does not parse: the file is reported and left alone. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}

/** A rule produced code that does not parse: a tmpfix bug, and the file is left alone. */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}

function asParseError(error: unknown): ParseError {
  const err = error as { message?: string; loc?: { line: number; column: number } };
  const line = err.loc?.line ?? 1;
  const column = (err.loc?.column ?? 0) + 1;
  const message = String(err.message ?? error).replace(/\s*\(\d+:\d+\)$/, '');
  return new ParseError(message, line, column);
}

/**
 * Runs the given rules over one file's text: one parse, every rule on the same tree, one print.
 * The engine knows no rule of its own: the registry (transforms/) hands them in.
 * Throws ParseError when the input does not parse and InternalError when the output would not.
 */
export function runRules(source: string, filePath: string, rules: readonly Rule[], options: TransformOptions = {}): TransformResult {
  let ast: Node;
  try {
    ast = parseFile(source, filePath) as Node;
  } catch (error) {
    throw asParseError(error);
  }
  const facts = options.moduleFacts ?? {};
  const tree = new Tree(ast, { tempSpecifiers: new Set(Object.keys(facts)) });
  // Every rule needs the shared temp directory named somewhere; most files never do.
  if (!tree.mentionsTmpDir) return { output: source, changed: false, findings: [] };
  let ctx: FileContext;
  let output: string;
  try {
    ctx = new FileContext(tree, source, filePath, options.target ?? 'node', facts, options.locations, options.sharedNames);
    for (const rule of rules) rule.run(ctx);
    ctx.releaseHeld();
    if (ctx.sites.length > 0) applyPrivateDirs(ctx);
    if (ctx.fieldSites.length > 0) applyFieldLifetimes(ctx);
    ctx.dropReturnedNamesCreatedHere();
    ctx.foldIntoDirectories();
    ctx.noteWhatRuns();
    ctx.finish();
    output = ctx.modified ? ctx.output() : source;
  } catch (error) {
    // A rule that trips over a shape it does not know must not take the file (or the run) with it.
    throw new InternalError(`a rule failed on ${filePath}: ${(error as Error).stack ?? String(error)}`);
  }

  const findings: Finding[] = ctx.findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  if (output === source) return { output, changed: false, findings };
  try {
    parseFile(output, filePath);
  } catch (error) {
    throw new InternalError(`the rewrite of ${filePath} does not parse: ${(error as Error).message}`);
  }
  return { output, changed: true, findings };
}
