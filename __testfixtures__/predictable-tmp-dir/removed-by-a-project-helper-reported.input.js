'use strict';
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');
const { removeFileOrDirectory } = require('./fs-utils');

const fetchTo = async (output, name) => {
  const file = path.join(output, name);
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, 'x');
  return file;
};

// The project's own helper removes the download directory: the finding says so, and does not claim nothing does.
exports.download = async (repo, use) => {
  const tmp = path.join(os.tmpdir(), repo);
  const file = await fetchTo(tmp, 'a/b.zip');
  await use(file);
  await removeFileOrDirectory(tmp);
};
