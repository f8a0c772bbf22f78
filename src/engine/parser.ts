import type { ParserPlugin, ParserOptions } from '@babel/parser';
import type { Parser } from 'jscodeshift';

const common: ParserPlugin[] = [
  'asyncGenerators',
  'bigInt',
  'classPrivateMethods',
  'classPrivateProperties',
  'classProperties',
  'classStaticBlock',
  'decoratorAutoAccessors',
  'dynamicImport',
  'exportDefaultFrom',
  'exportNamespaceFrom',
  'importAttributes',
  'importMeta',
  'explicitResourceManagement',
  'nullishCoalescingOperator',
  'numericSeparator',
  'objectRestSpread',
  'optionalCatchBinding',
  'optionalChaining',
  'topLevelAwait',
];

function options(plugins: ParserPlugin[]): ParserOptions {
  return {
    sourceType: 'unambiguous',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowNewTargetOutsideFunction: true,
    allowUndeclaredExports: true,
    errorRecovery: false,
    startLine: 1,
    plugins: [...common, ...plugins],
  };
}

const byKind: Record<'ts' | 'tsx' | 'js', ParserOptions> = {
  // `.ts` has no JSX, so that `<T>value` casts parse.
  ts: options(['typescript', 'decorators-legacy']),
  tsx: options(['typescript', 'jsx', 'decorators-legacy']),
  js: options(['jsx', 'flow', 'decorators-legacy']),
};

// @babel/parser loads on the first parse: importing the engine (for the rule list, the prefilter)
// costs nothing on a run where no file needs a parse.
let babelParser: typeof import('@babel/parser') | undefined;
function babel(): typeof import('@babel/parser') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  babelParser ??= require('@babel/parser') as typeof import('@babel/parser');
  return babelParser;
}

export type SourceKind = keyof typeof byKind;

export function sourceKind(filePath: string): SourceKind {
  const lower = filePath.toLowerCase();
  if (/\.(ts|mts|cts)$/.test(lower)) return 'ts';
  if (lower.endsWith('.tsx')) return 'tsx';
  return 'js';
}

/** Parses a file's text into a Babel `File` node, the parser chosen by its extension. */
export function parseFile(source: string, filePath: string): unknown {
  return babel().parse(source, byKind[sourceKind(filePath)]);
}

/** A parser object in the shape jscodeshift and recast expect (`{ parse(source) }`). */
export function parserFor(filePath: string): Parser {
  const opts = byKind[sourceKind(filePath)];
  return {
    parse(source: string) {
      return babel().parse(source, opts) as unknown as ReturnType<Parser['parse']>;
    },
  };
}
