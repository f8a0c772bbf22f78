const fs = require('fs');
const os = require('os');
const path = require('path');

// The shared-name file gets a private directory whose try holds the inner scratch directory's own try.
function renderWithScratch(text, withScratch) {
  const page = path.join(os.tmpdir(), 'page.html');
  fs.writeFileSync(page, `<p>${text}</p>`);
  if (withScratch) {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'scratch-'));
    fs.copyFileSync(page, path.join(scratch, 'copy.html'));
    if (text === 'boom') throw new Error('render failed');
    fs.rmSync(scratch, { recursive: true });
  }
  const html = fs.readFileSync(page, 'utf8');
  fs.unlinkSync(page);
  return html;
}

module.exports = { renderWithScratch };
