// The code a target writes for a private directory. The engine decides where it goes; an emitter
// decides what it says:
// - node:   `const privateDir = fs.mkdtempSync(…)`, removed with fs.rmSync in finally;
// - node24: `using privateDir = fs.mkdtempDisposableSync(…)` (`await using … mkdtempDisposable` when
//           async), removed when the block ends, no finally; paths are under `privateDir.path`;
// - tmp:    `const privateDir = tmp.dirSync({ unsafeCleanup: true })` with `removeCallback()` in
//           finally (tmp-promise's `dir()` and `cleanup()` in async code when the project has it).
// A directory that outlives the function (no cleanup) is a plain mkdtemp path in every target: the
// caller gets a path it can remove, and `using` would remove it too early.
import type { Path } from './ast';
import type { Modules } from './modules';
import type { Style } from './text';
import type { Target } from './types';

export interface PrivateDirCode {
  /** The statement that makes the directory as `dir`: `const privateDir = fs.mkdtempSync(…)`. */
  declaration: string;
  /** The expression that makes it, for a declaration written elsewhere (`this.privateDir = …`). */
  create: string;
  /** How its path is written where the temp directory was named: `privateDir`, `privateDir.path`. */
  path: string;
  /** The block's end removes it (`using`): nothing to write in a finally. */
  scoped: boolean;
  /** The statement that removes it, asked for only when a finally is written (so no unused import appears). */
  remove(): string;
}

export interface PrivateDirRequest {
  dir: string;
  stem: string;
  isAsync: boolean;
  at: Path;
  /** Removed in this function (a finally, or `using`); otherwise handed out as a plain path. */
  cleanup: boolean;
  /** The project depends on tmp-promise (its promise API may be used in async code). */
  tmpPromise?: boolean;
}

export interface Emitter {
  privateDir(request: PrivateDirRequest): PrivateDirCode;
}

function prefixOf(modules: Modules, style: Style, stem: string, at: Path): string {
  return `${modules.reference('path', 'join', at)}(${modules.reference('os', 'tmpdir', at)}(), ${style.quote}${stem}-${style.quote})`;
}

const RM_OPTIONS = '{ recursive: true, force: true }';

function nodeEmitter(modules: Modules, style: Style): Emitter {
  const semi = style.semicolon ? ';' : '';
  return {
    privateDir({ dir, stem, isAsync, at }) {
      // Names are looked up where the code goes: they must mean the modules there.
      const prefix = prefixOf(modules, style, stem, at);
      const create = isAsync ? `await ${modules.reference('fsPromises', 'mkdtemp', at)}(${prefix})` : `${modules.reference('fs', 'mkdtempSync', at)}(${prefix})`;
      return {
        declaration: `const ${dir} = ${create}${semi}`,
        create,
        path: dir,
        scoped: false,
        remove: () =>
          isAsync
            ? `await ${modules.reference('fsPromises', 'rm', at)}(${dir}, ${RM_OPTIONS})${semi}`
            : `${modules.reference('fs', 'rmSync', at)}(${dir}, ${RM_OPTIONS})${semi}`,
      };
    },
  };
}

function node24Emitter(modules: Modules, style: Style, fallback: Emitter): Emitter {
  const semi = style.semicolon ? ';' : '';
  return {
    privateDir(request) {
      if (!request.cleanup) return fallback.privateDir(request);
      const { dir, stem, isAsync, at } = request;
      const prefix = prefixOf(modules, style, stem, at);
      const create = isAsync
        ? `await ${modules.reference('fsPromises', 'mkdtempDisposable', at)}(${prefix})`
        : `${modules.reference('fs', 'mkdtempDisposableSync', at)}(${prefix})`;
      return {
        declaration: `${isAsync ? 'await using' : 'using'} ${dir} = ${create}${semi}`,
        create,
        path: `${dir}.path`,
        scoped: true,
        remove: () => `${dir}.remove()${semi}`,
      };
    },
  };
}

function tmpEmitter(modules: Modules, style: Style, fallback: Emitter): Emitter {
  const semi = style.semicolon ? ';' : '';
  const q = style.quote;
  return {
    privateDir(request) {
      if (!request.cleanup) return fallback.privateDir(request);
      const { dir, stem, isAsync, at } = request;
      const options = `{ prefix: ${q}${stem}-${q}, unsafeCleanup: true }`;
      if (isAsync && request.tmpPromise) {
        const create = `await ${modules.reference('tmpPromise', 'dir', at)}(${options})`;
        return { declaration: `const ${dir} = ${create}${semi}`, create, path: `${dir}.path`, scoped: false, remove: () => `await ${dir}.cleanup()${semi}` };
      }
      const create = `${modules.reference('tmp', 'dirSync', at)}(${options})`;
      return { declaration: `const ${dir} = ${create}${semi}`, create, path: `${dir}.name`, scoped: false, remove: () => `${dir}.removeCallback()${semi}` };
    },
  };
}

export function emitterFor(target: Target, modules: Modules, style: Style): Emitter {
  const node = nodeEmitter(modules, style);
  if (target === 'node24') return node24Emitter(modules, style, node);
  if (target === 'tmp') return tmpEmitter(modules, style, node);
  return node;
}
