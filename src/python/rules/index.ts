import type { PyRule } from '../types';
import { checkThenCreate } from './check-then-create';
import { missingTmpCleanup } from './missing-tmp-cleanup';
import { nameOnlyTempApi } from './name-only-temp-api';
import { predictableTmpDir } from './predictable-tmp-dir';
import { predictableTmpPath } from './predictable-tmp-path';

/**
 * Every Python rule, in the order they run on a file's shared tree. check-then-create first (it
 * claims the creations inside the checks it drops), then the name-only APIs (they claim their calls).
 */
export const pythonRules: PyRule[] = [checkThenCreate, nameOnlyTempApi, predictableTmpPath, predictableTmpDir, missingTmpCleanup];

export const pythonRuleIds: string[] = pythonRules.map((rule) => rule.meta.id);
