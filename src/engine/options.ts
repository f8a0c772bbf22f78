// Giving a creating call exclusive, owner-only creation: `{ flag: 'wx', mode: 0o600 }` and its
// equivalents for open(), createWriteStream() and mkdir().
import { isFunction, stringValue, type Node } from './ast';
import type { FsCall } from './fs-calls';
import type { Edits, Style } from './text';

const FILE_MODE = '0o600';
const DIR_MODE = '0o700';

function exclusiveFlag(flag: string): string {
  // 'as' and 'as+' (O_SYNC) have no exclusive form: Node refuses 'axs'. They stay as they are.
  if (flag.includes('x') || flag.includes('s')) return flag;
  return flag.replace(/^([wa])/, '$1x');
}

function permissive(node: Node | undefined): boolean {
  if (!node || node.type !== 'NumericLiteral') return false;
  return ((node.value as number) & 0o077) !== 0;
}

function propertyNamed(object: Node, name: string): Node | undefined {
  return (object.properties as Node[]).find(
    (p) => (p.type === 'ObjectProperty' || p.type === 'Property') && !p.computed && (p.key.name ?? p.key.value) === name,
  );
}

/**
 * Adds exclusive creation (when `exclusive`) and an owner-only mode to a creating call.
 * Options it cannot read (a variable) are left as they are: the private directory already protects the file.
 */
export function secureOptions(call: Node, fs: FsCall, exclusive: boolean, source: string, style: Style, edits: Edits): void {
  const args = call.arguments as Node[];
  const q = (s: string) => `${style.quote}${s}${style.quote}`;
  const flagValue = fs.append ? 'ax' : 'wx';
  // The callback API ends with the callback, whatever holds it (a function, a variable `cb`), once
  // the call has more arguments than the required ones (`writeFile(path, data, cb)`).
  const required = { write: 2, open: 2, stream: Infinity, mkdir: 1, none: Infinity }[fs.options];
  const last = args[args.length - 1];
  const callbackLast = fs.api === 'callback' && !!last && (isFunction(last) || (last.type === 'Identifier' && args.length > required));
  const plainArgs = callbackLast ? args.length - 1 : args.length;

  const insertArg = (index: number, text: string) => {
    if (index < plainArgs) return false;
    if (callbackLast) edits.insert(args[args.length - 1].start, `${text}, `);
    else edits.insert(args[plainArgs - 1].end, `, ${text}`);
    return true;
  };

  switch (fs.options) {
    case 'write':
    case 'stream': {
      const index = fs.options === 'write' ? 2 : 1;
      const flagKey = fs.options === 'write' ? 'flag' : 'flags';
      const wanted = [...(exclusive ? [`${flagKey}: ${q(flagValue)}`] : []), `mode: ${FILE_MODE}`];
      if (index >= plainArgs) {
        if (index > plainArgs) return; // data argument missing: not a call we understand
        insertArg(index, `{ ${wanted.join(', ')} }`);
        return;
      }
      const options = args[index];
      if (options.type === 'NullLiteral' || (options.type === 'Identifier' && options.name === 'undefined')) {
        edits.replace(options.start, options.end, `{ ${wanted.join(', ')} }`);
        return;
      }
      const encoding = stringValue(options);
      if (encoding !== undefined) {
        edits.replace(options.start, options.end, `{ encoding: ${source.slice(options.start, options.end)}, ${wanted.join(', ')} }`);
        return;
      }
      if (options.type !== 'ObjectExpression') return;
      const additions: string[] = [];
      const flag = propertyNamed(options, flagKey);
      if (exclusive) {
        const value = flag && stringValue(flag.value);
        if (!flag) additions.push(wanted[0]);
        else if (value !== undefined && !value.includes('x')) edits.replace(flag.value.start, flag.value.end, q(exclusiveFlag(value)));
      }
      const mode = propertyNamed(options, 'mode');
      if (!mode) additions.push(`mode: ${FILE_MODE}`);
      else if (permissive(mode.value)) edits.replace(mode.value.start, mode.value.end, FILE_MODE);
      if (additions.length === 0) return;
      const props = options.properties as Node[];
      if (props.length === 0) edits.replace(options.start, options.end, `{ ${additions.join(', ')} }`);
      else edits.insert(props[props.length - 1].end, `, ${additions.join(', ')}`);
      return;
    }
    case 'open': {
      const flag = args[1];
      const value = stringValue(flag);
      if (exclusive && value !== undefined && !value.includes('x')) edits.replace(flag.start, flag.end, q(exclusiveFlag(value)));
      if (plainArgs === 2) insertArg(2, FILE_MODE);
      else if (permissive(args[2])) edits.replace(args[2].start, args[2].end, FILE_MODE);
      return;
    }
    case 'mkdir': {
      if (plainArgs === 1) {
        insertArg(1, `{ mode: ${DIR_MODE} }`);
        return;
      }
      const options = args[1];
      if (options.type !== 'ObjectExpression') return;
      const mode = propertyNamed(options, 'mode');
      if (mode) {
        if (permissive(mode.value)) edits.replace(mode.value.start, mode.value.end, DIR_MODE);
        return;
      }
      const props = options.properties as Node[];
      if (props.length === 0) edits.replace(options.start, options.end, `{ mode: ${DIR_MODE} }`);
      else edits.insert(props[props.length - 1].end, `, mode: ${DIR_MODE}`);
      return;
    }
    case 'none':
      return;
  }
}

/**
 * The call sets a mode itself: `open(p, flags, 0o600)`, `mkdirSync(p, 0o700)`, `{ mode: … }` in its
 * options. Then the default mode is not what it creates with.
 */
export function givesMode(call: Node, method: string): boolean {
  const args = call.arguments as Node[];
  if (method === 'open') return args.length >= 3 && !/Function/.test(args[2].type);
  if (method === 'mkdir' && args[1]?.type === 'NumericLiteral') return true;
  return args.some((a, i) => i >= 1 && a.type === 'ObjectExpression' && (a.properties as Node[]).some((p) => !p.computed && (p.key?.name ?? p.key?.value) === 'mode'));
}

/** The `recursive` property of an options object literal among `args`, if one names it. */
function recursiveValue(args: readonly Node[]): Node | undefined {
  for (const arg of args) {
    if (arg.type !== 'ObjectExpression') continue;
    const prop = (arg.properties as Node[]).find((p) => p.type === 'ObjectProperty' && !p.computed && (p.key?.name ?? p.key?.value) === 'recursive');
    if (prop) return prop.value as Node;
  }
  return undefined;
}

/** `{ recursive: true }` among `args`, written as that literal. */
export function isRecursive(args: readonly Node[]): boolean {
  const value = recursiveValue(args);
  return value?.type === 'BooleanLiteral' && value.value === true;
}

/** `recursive` given and not the literal `false` (`{ recursive: true }`, `{ recursive: opts.deep }`): it may take a directory that exists. */
export function mayBeRecursive(args: readonly Node[]): boolean {
  const value = recursiveValue(args);
  return !!value && !(value.type === 'BooleanLiteral' && value.value === false);
}
