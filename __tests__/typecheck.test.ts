// The TypeScript fixtures' outputs type-check as well as their inputs did, under each target's real
// typings: @types/node 20 for node, @types/node 24 for node24 (fs.mkdtempDisposableSync, `using`),
// @types/tmp for tmp. An output may keep an error its input had (a missing module, say); it may not
// add one (a field used but never declared, a call the typings do not have).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { Target } from '../src/index';

const ROOT = path.resolve(__dirname, '..', '__testfixtures__');
const TYPES = path.resolve(__dirname, '..', 'node_modules', '@types');

const TYPINGS: Record<Target, string[]> = { node: ['node'], node24: ['node-24'], tmp: ['node', 'tmp'] };

interface Pair {
  name: string;
  input: string;
  output: string;
}

function pairsFor(target: Target): Pair[] {
  const pairs: Pair[] = [];
  for (const rule of fs.readdirSync(ROOT).sort()) {
    const dir = path.join(ROOT, rule);
    if (!fs.statSync(dir).isDirectory() || rule.startsWith('python-')) continue;
    for (const file of fs.readdirSync(dir).sort()) {
      const match = /^(.+)\.input\.([cm]?tsx?)$/.exec(file);
      if (!match) continue;
      const [, name, ext] = match;
      const own = path.join(dir, `${name}.${target}.output.${ext}`);
      const node = path.join(dir, `${name}.output.${ext}`);
      const output = target !== 'node' && fs.existsSync(own) ? own : node;
      if (fs.existsSync(output)) pairs.push({ name: `${rule}/${name}`, input: path.join(dir, file), output });
    }
  }
  return pairs;
}

function diagnostics(program: ts.Program, file: string): string[] {
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

for (const target of Object.keys(TYPINGS) as Target[]) {
  describe(`TypeScript outputs, --target ${target}`, () => {
    const pairs = pairsFor(target);
    const program = ts.createProgram(pairs.flatMap((p) => [p.input, p.output]), {
      noEmit: true,
      strict: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.esnext.disposable.d.ts'],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      typeRoots: [TYPES],
      types: TYPINGS[target],
      skipLibCheck: true,
      esModuleInterop: true,
      jsx: ts.JsxEmit.Preserve,
      experimentalDecorators: true,
    });

    it('has TypeScript fixtures to check', () => {
      expect(pairs.length).toBeGreaterThan(5);
    });

    for (const pair of pairs) {
      it(`${pair.name}: the output adds no type error to the input's`, () => {
        const before = diagnostics(program, pair.input);
        const added = diagnostics(program, pair.output).filter((d) => {
          const i = before.indexOf(d);
          if (i < 0) return true;
          before.splice(i, 1);
          return false;
        });
        expect(added).toEqual([]);
      });
    }
  });
}
