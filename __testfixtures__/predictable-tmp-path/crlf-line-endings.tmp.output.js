const fs = require("fs");
const path = require("path");
const tmp = require("tmp");

// Windows-edited helper: keep CRLF.
function exportCsv(rows) {
  const privateDir = tmp.dirSync({ prefix: "export-", unsafeCleanup: true });
  try {
    const csvFile = path.join(privateDir.name, "export.csv");
    fs.writeFileSync(csvFile, rows.join("\r\n"), { flag: "wx", mode: 0o600 });
    return fs.readFileSync(csvFile, "utf8").split("\r\n").length;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { exportCsv };
