// The before/after examples in docs/rules/ are what the rules really do, and every rule has its page.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules, transformSource, type Target } from '../src/index';
import { pythonRules } from '../src/python/rules';
import { pythonReady, transformSource as transformPython } from '../src/python/run';

const DOCS = path.resolve(__dirname, '..', 'docs', 'rules');

/** The first ```js (or ```python) block holding `// before` and `// after` (`# before`, `# after`) halves. */
function example(markdown: string, language: 'js' | 'python' = 'js'): { before: string; after: string } | undefined {
  const comment = language === 'js' ? '//' : '#';
  const block = new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(markdown);
  if (!block || !block[1].includes(`${comment} after`)) return undefined;
  const [before, after] = block[1].split(new RegExp(`^${comment} after\\n`, 'm'));
  const strip = (text: string) => text.replace(new RegExp(`^${comment} before\\n`), '').trim() + '\n';
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

describe('docs/rules, Python sections', () => {
  beforeAll(async () => {
    await pythonReady();
  });

  for (const { meta } of pythonRules) {
    it(`${meta.id} has a page with a Python section whose example is the rule's real output`, () => {
      const file = path.resolve(__dirname, '..', meta.docs);
      expect(path.dirname(file)).toBe(DOCS);
      const markdown = fs.readFileSync(file, 'utf8');
      expect(markdown.startsWith(`# ${meta.id}\n`)).toBe(true);
      expect(markdown).toMatch(/^## Python$/m);
      for (const cwe of meta.cwe) expect(markdown).toContain(cwe);
      const pair = example(markdown, 'python');
      expect(pair, 'a ```python block with # before and # after').toBeDefined();
      const result = transformPython(pair!.before, 'example.py');
      expect(result.output).toBe(pair!.after);
      expect(result.findings.some((f) => f.ruleId === meta.id && f.fixed)).toBe(true);
    });
  }

  it('an id with a JavaScript and a Python rule has one description, CWE list and page', () => {
    for (const { meta } of pythonRules) {
      const js = rules.find((r) => r.meta.id === meta.id)?.meta;
      if (!js) continue;
      expect({ description: meta.description, cwe: meta.cwe, docs: meta.docs }).toEqual({ description: js.description, cwe: js.cwe, docs: js.docs });
    }
  });
});
