// Rules as plain jscodeshift transform modules: `jscodeshift -t dist/transforms/<rule>.js src/` runs
// one rule, `-t dist/transforms/all.js` every rule. The options `--target` and `--rules` pass through.
import type { API, FileInfo, Options } from 'jscodeshift';
import { runRules } from '../src/engine/run';
import type { Rule } from '../src/engine/context';
import type { Target } from '../src/engine/types';

export type Transform = (file: FileInfo, api: API, options: Options) => string | undefined;

/** A jscodeshift transform that runs `rules` (narrowed by a `--rules a,b` option) on each file. */
export function jscodeshiftTransform(rules: readonly Rule[]): Transform {
  return (file, api, options) => {
    const only = typeof options.rules === 'string' ? options.rules.split(',') : undefined;
    const selected = only ? rules.filter((rule) => only.includes(rule.meta.id)) : rules;
    const target = (options.target as Target | undefined) ?? 'node';
    const result = runRules(file.source, file.path, selected, { target });
    for (const finding of result.findings) {
      if (!finding.fixed) api.report(`${file.path}:${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`);
    }
    return result.changed ? result.output : undefined;
  };
}
