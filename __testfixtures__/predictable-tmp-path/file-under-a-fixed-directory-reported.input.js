const fs = require('fs');
const os = require('os');
const path = require('path');

// Pages written under a fixed directory that another module prepares: the page's own name comes from
// the caller, but the directory above it has a fixed name, which is the danger the finding names.
const ROOT = path.join(os.tmpdir(), 'book_export');

module.exports = function writePage(book, page, html) {
  fs.writeFileSync(path.join(ROOT, book, page), html);
};
