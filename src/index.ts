// Public programmatic API. The driver and the jscodeshift transform modules both go through here.
export { ParseError, InternalError } from './engine/run';
export { rules, ruleIds, getRule, prefilter, transformSource } from '../transforms';
export type { Rule } from './engine/context';
export type { Finding, RuleMeta, Target, TransformOptions, TransformResult } from './engine/types';
export { TARGETS } from './engine/types';
// Python: the parser is WebAssembly that starts asynchronously; await pythonReady() once first.
export { pythonReady, transformSource as transformPythonSource } from './python/run';
export { pythonRules } from './python/rules';
