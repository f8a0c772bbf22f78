// `tmpfix/transform`: every rule as one plain jscodeshift transform module, for
// `jscodeshift -t node_modules/tmpfix/dist/transforms/all.js src/`.
import { ruleList } from './index';
import { jscodeshiftTransform } from './jscodeshift';

export = jscodeshiftTransform(ruleList);
