// Node's modules, re-exported under the names the rest of the program uses.
export { default as path } from 'node:path';
export * as os from 'node:os';
export { default as fs } from 'node:fs';
