// The code a target writes for a private directory. The engine decides where it goes; an emitter
// decides what it says. `node` is the standard library; `node24` (`using` with
// fs.mkdtempDisposableSync) and `tmp` (the npm package) will be emitters beside it.
import type { Path } from './ast';
import type { Modules } from './modules';
import type { Style } from './text';
import type { Target } from './types';

export interface PrivateDirCode {
  /** The expression that makes the directory: `fs.mkdtempSync(path.join(os.tmpdir(), 'app-'))`. */
  create: string;
  /** The statement that removes it, asked for only when cleanup is added (so no unused import appears). */
  remove(): string;
}

export interface Emitter {
  privateDir(options: { dir: string; stem: string; isAsync: boolean; at: Path }): PrivateDirCode;
}

function nodeEmitter(modules: Modules, style: Style): Emitter {
  const q = (s: string) => `${style.quote}${s}${style.quote}`;
  const semi = style.semicolon ? ';' : '';
  return {
    privateDir({ dir, stem, isAsync, at }) {
      // Names are looked up where the code goes: they must mean the modules there.
      const prefix = `${modules.reference('path', 'join', at)}(${modules.reference('os', 'tmpdir', at)}(), ${q(`${stem}-`)})`;
      const rmOptions = '{ recursive: true, force: true }';
      return isAsync
        ? {
            create: `await ${modules.reference('fsPromises', 'mkdtemp', at)}(${prefix})`,
            remove: () => `await ${modules.reference('fsPromises', 'rm', at)}(${dir}, ${rmOptions})${semi}`,
          }
        : {
            create: `${modules.reference('fs', 'mkdtempSync', at)}(${prefix})`,
            remove: () => `${modules.reference('fs', 'rmSync', at)}(${dir}, ${rmOptions})${semi}`,
          };
    },
  };
}

export function emitterFor(target: Target, modules: Modules, style: Style): Emitter {
  if (target !== 'node') throw new Error(`the ${target} target has no rewrites yet`);
  return nodeEmitter(modules, style);
}
