// `tmpfix/transform`: every rule as one plain jscodeshift transform module, for
// `jscodeshift -t node_modules/tmpfix/dist/transforms/all.js src/`.
import type { FileInfo, API, Options } from 'jscodeshift';
import { transformSource } from '../src/engine/run';
import type { Target } from '../src/engine/types';

function transform(file: FileInfo, api: API, options: Options): string | undefined {
  const rules = typeof options.rules === 'string' ? options.rules.split(',') : undefined;
  const target = (options.target as Target | undefined) ?? 'node';
  const result = transformSource(file.source, file.path, { target, rules });
  for (const finding of result.findings) {
    if (!finding.fixed) api.report(`${file.path}:${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`);
  }
  return result.changed ? result.output : undefined;
}

export = transform;
