const fs = require('fs');
const os = require('os');
const path = require('path');

// The shared-name file gets a private directory whose try holds the inner scratch directory's own try.
function renderWithScratch(text, withScratch) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'page-'));
  try {
    const page = path.join(privateDir, 'page.html');
    fs.writeFileSync(page, `<p>${text}</p>`, { flag: 'wx', mode: 0o600 });
    if (withScratch) {
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'scratch-'));
      try {
        fs.copyFileSync(page, path.join(scratch, 'copy.html'));
        if (text === 'boom') throw new Error('render failed');
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
      }
    }
    const html = fs.readFileSync(page, 'utf8');
    fs.unlinkSync(page);
    return html;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { renderWithScratch };
