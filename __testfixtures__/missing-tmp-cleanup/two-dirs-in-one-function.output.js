const fs = require('fs');
const os = require('os');
const path = require('path');

// Two scratch directories: the second is made while the first is open, and either use may throw.
function compareTrees(left, right) {
  const before = fs.mkdtempSync(path.join(os.tmpdir(), 'before-'));
  try {
    const after = fs.mkdtempSync(path.join(os.tmpdir(), 'after-'));
    try {
      fs.writeFileSync(path.join(before, 'tree.txt'), left);
      fs.writeFileSync(path.join(after, 'tree.txt'), right);
      if (right.includes('!')) throw new Error('bad tree');
      const same = fs.readFileSync(path.join(before, 'tree.txt'), 'utf8') === fs.readFileSync(path.join(after, 'tree.txt'), 'utf8');
      return same;
    } finally {
      fs.rmSync(after, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(before, { recursive: true, force: true });
  }
}

// The first is removed before the second is last used: the first try holds the second whole.
async function stagedCopy(text) {
  const stage = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'stage-'));
  try {
    const publish = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'publish-'));
    try {
      await fs.promises.writeFile(path.join(stage, 'doc.txt'), text);
      await fs.promises.copyFile(path.join(stage, 'doc.txt'), path.join(publish, 'doc.txt'));
      if (text.includes('!')) throw new Error('bad text');
      const copied = await fs.promises.readFile(path.join(publish, 'doc.txt'), 'utf8');
      return copied;
    } finally {
      await fs.promises.rm(publish, { recursive: true, force: true });
    }
  } finally {
    await fs.promises.rm(stage, { recursive: true, force: true });
  }
}

async function both(left, right) {
  return [compareTrees(left, right), await stagedCopy(right)];
}

module.exports = { compareTrees, stagedCopy, both };
