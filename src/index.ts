// Public programmatic API. The driver and the jscodeshift transform module both go through here.
export { transformSource, ParseError, InternalError } from './engine/run';
export { prefilter } from './engine/prefilter';
export { rules, ruleIds, getRule } from '../transforms';
export type { Finding, RuleMeta, Target, TransformOptions, TransformResult } from './engine/types';
export { TARGETS } from './engine/types';
