// Extra steps: calls whose result is a path built from their arguments. Variables, templates,
// concatenation, objects, arrays, fields and same-file calls are steps of the evaluator itself.
import type { ModuleKind } from '../modules';

export type StepKind =
  /** `path.join(a, b, …)`: under `a`, the rest joined on. */
  | 'join'
  /** `path.resolve(a, b)`: like join, but an absolute later argument starts over. */
  | 'resolve'
  /** `path.normalize(a)`, `fs.realpathSync(a)`: the same path. */
  | 'same'
  /** `path.dirname(a)`: one level up. */
  | 'dirname'
  /** `path.format({ dir, base })`, `({ dir, name, ext })`. */
  | 'format';

export interface Step {
  module: ModuleKind;
  member: string;
  step: StepKind;
}

export const STEPS: readonly Step[] = [
  { module: 'path', member: 'join', step: 'join' },
  { module: 'path', member: 'resolve', step: 'resolve' },
  { module: 'path', member: 'normalize', step: 'same' },
  { module: 'path', member: 'toNamespacedPath', step: 'same' },
  { module: 'path', member: 'dirname', step: 'dirname' },
  { module: 'path', member: 'format', step: 'format' },
  { module: 'fs', member: 'realpathSync', step: 'same' },
  { module: 'fs', member: 'realpathSync.native', step: 'same' },
  { module: 'fsPromises', member: 'realpath', step: 'same' },
];

/** Global functions and methods that hand a string on unchanged. */
export const SAME_GLOBALS: ReadonlySet<string> = new Set(['String', 'encodeURI', 'decodeURI']);
export const SAME_METHODS: ReadonlySet<string> = new Set(['toString', 'valueOf', 'normalize', 'trim']);

export function findStep(module: ModuleKind, member: string): Step | undefined {
  return STEPS.find((s) => s.module === module && s.member === member);
}
