// End-to-end tests run the tool through a helper of their own, with temp paths as its options.
import { tmpdir } from 'os';
import * as path from 'path';
import runCli from '../runCli';

const STORE = path.resolve(tmpdir(), 'e2e-store-directory');
const OUT = path.join(tmpdir(), 'e2e-build-output');

test('a run fills the store', () => {
  expect(runCli('store', [`--storeDirectory=${STORE}`]).exitCode).toBe(0);
  expect(runCli('store', ['--verify', `--storeDirectory=${STORE}`]).exitCode).toBe(0);
});

test('a build writes its output', () => {
  expect(runCli('build', [`--out-dir=${OUT}`]).exitCode).toBe(0);
});
