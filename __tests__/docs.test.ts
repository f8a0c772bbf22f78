// The before/after examples in docs/rules/ are what the rules really do, and every rule has its page.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules, transformSource } from '../src/index';

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
    });
  }
});
