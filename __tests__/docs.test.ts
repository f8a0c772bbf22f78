// The before/after examples in docs/rules/ are what the rules really do, and every rule has its page.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules, transformSource, type Target } from '../src/index';

const DOCS = path.resolve(__dirname, '..', 'docs', 'rules');

/** The first ```js block holding `// before` and `// after` halves. */
function example(markdown: string): { before: string; after: string } | undefined {
  const block = /```js\n([\s\S]*?)```/.exec(markdown);
  if (!block || !block[1].includes('// after')) return undefined;
  const [before, after] = block[1].split(/^\/\/ after\n/m);
  const strip = (text: string) => text.replace(/^\/\/ before\n/, '').trim() + '\n';
  return { before: strip(before), after: strip(after) };
}

const prelude = "const fs = require('fs');\nconst os = require('os');\nconst path = require('path');\n\n";

describe('docs/rules', () => {
  for (const { meta } of rules) {
    it(`${meta.id} has a page whose example is the rule's real output`, () => {
      const file = path.resolve(__dirname, '..', meta.docs);
      expect(path.dirname(file)).toBe(DOCS);
      const markdown = fs.readFileSync(file, 'utf8');
      expect(markdown.startsWith(`# ${meta.id}\n`)).toBe(true);
      for (const cwe of meta.cwe) expect(markdown).toContain(cwe);
      const pair = example(markdown);
      expect(pair, 'a ```js block with // before and // after').toBeDefined();
      const result = transformSource(prelude + pair!.before, 'example.js');
      expect(result.output).toBe(prelude + pair!.after);
      // `// after, --target node24` blocks: the same example under the other targets.
      for (const [, target, after] of markdown.matchAll(/```js\n\/\/ after, --target (\w+)\n([\s\S]*?)```/g)) {
        const other = transformSource(prelude + pair!.before, 'example.js', { target: target as Target });
        // The block shows what follows the prelude's requires (a target may add its own require beside them).
        let shown = other.output;
        for (const line of prelude.trim().split('\n')) shown = shown.replace(`${line}\n`, '');
        expect(shown.replace(/^\n+/, ''), `--target ${target}`).toBe(after.trim() + '\n');
      }
    });
  }
});
