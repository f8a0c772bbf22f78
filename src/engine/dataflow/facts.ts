// Facts about other modules of the repository, as plain data: the driver's pre-pass computes them
// from each module's exports, and the engine reads them for the files that import those modules.
// The engine never reads another file itself.

/** What one export of a module holds. */
export type ExportFact =
  /** The shared temp directory itself (`export const TEMP = os.tmpdir()`). */
  | { kind: 'tmp-root' }
  /** A path under it, built in that module (`export const CACHE = path.join(os.tmpdir(), 'app')`). */
  | { kind: 'tmp-path'; key: string }
  /** A function that returns the shared temp directory (`module.exports = () => process.env.TMPDIR || '/tmp'`). */
  | { kind: 'returns-tmp-root' }
  /** A function that returns a path under it, named by `key` (`export function tmpFile(n) { return join(tmpdir(), n) }`). */
  | { kind: 'returns-tmp-path'; key: string }
  /** A function whose parameter `index` reaches a creation of a file or directory (`export function save(file, d)`). */
  | { kind: 'creates-param'; index: number; what: string; line: number }
  /** A re-export of one of Node's modules (`export * as os from 'os'`, `module.exports = require('fs')`), or a temp package vendored in the repository. */
  | { kind: 'module'; module: 'fs' | 'fsPromises' | 'os' | 'path' | 'childProcess' | 'tmp' | 'tmpPromise' | 'temp' | 'tempy' }
  /** An object (`export const temp = new Temp()`): what its methods return and its fields hold. */
  | { kind: 'object'; members: Record<string, ExportFact> };

export interface ModuleFact {
  /** The module's path relative to the repository, for messages. */
  file: string;
  /** By export name; `default` for a default export, `module.exports` for a CommonJS whole export. */
  exports: Record<string, ExportFact>;
}

/** By the specifier as the importing file writes it (`./tempdir`, `@/consts`). */
export type ModuleFacts = Record<string, ModuleFact>;
