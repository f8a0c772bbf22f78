// Barriers: calls whose result is private to its owner, so that what is made under it is safe.
import type { ModuleKind } from '../modules';

export interface Barrier {
  module: ModuleKind;
  member: string;
  /**
   * `dir`: the result is the private directory's path; `handle`: an object whose `prop` is the path;
   * `callback`: the path (or, with `prop`, a handle) arrives as parameter `param` of the last
   * argument; `scoped`: the callback's
   * first parameter is a handle whose `prop` is the path (`withDir(async (d) => …)`).
   */
  result: 'dir' | 'handle' | 'callback' | 'scoped';
  prop?: string;
  param?: number;
  /** What it makes: a directory or a file (a file made exclusively, mode 0600). */
  makes: 'dir' | 'file';
}

export const BARRIERS: readonly Barrier[] = [
  { module: 'fs', member: 'mkdtempSync', result: 'dir', makes: 'dir' },
  { module: 'fs', member: 'mkdtemp', result: 'callback', param: 1, makes: 'dir' },
  { module: 'fsPromises', member: 'mkdtemp', result: 'dir', makes: 'dir' },
  { module: 'fs', member: 'mkdtempDisposableSync', result: 'handle', prop: 'path', makes: 'dir' },
  { module: 'fsPromises', member: 'mkdtempDisposable', result: 'handle', prop: 'path', makes: 'dir' },
  { module: 'tmp', member: 'dirSync', result: 'handle', prop: 'name', makes: 'dir' },
  { module: 'tmp', member: 'fileSync', result: 'handle', prop: 'name', makes: 'file' },
  { module: 'tmp', member: 'dir', result: 'callback', param: 1, makes: 'dir' },
  { module: 'tmp', member: 'file', result: 'callback', param: 1, makes: 'file' },
  { module: 'tmpPromise', member: 'dirSync', result: 'handle', prop: 'name', makes: 'dir' },
  { module: 'tmpPromise', member: 'fileSync', result: 'handle', prop: 'name', makes: 'file' },
  { module: 'tmpPromise', member: 'dir', result: 'handle', prop: 'path', makes: 'dir' },
  { module: 'tmpPromise', member: 'file', result: 'handle', prop: 'path', makes: 'file' },
  { module: 'tmpPromise', member: 'withDir', result: 'scoped', prop: 'path', makes: 'dir' },
  { module: 'tmpPromise', member: 'withFile', result: 'scoped', prop: 'path', makes: 'file' },
  { module: 'temp', member: 'openSync', result: 'handle', prop: 'path', makes: 'file' },
  { module: 'temp', member: 'open', result: 'callback', param: 1, prop: 'path', makes: 'file' },
];

export function findBarrier(module: ModuleKind, member: string): Barrier | undefined {
  return BARRIERS.find((b) => b.module === module && b.member === member);
}
