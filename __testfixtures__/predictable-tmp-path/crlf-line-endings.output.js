const fs = require("fs");
const os = require("os");
const path = require("path");

// Windows-edited helper: keep CRLF.
function exportCsv(rows) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), "export-"));
  try {
    const csvFile = path.join(privateDir, "export.csv");
    fs.writeFileSync(csvFile, rows.join("\r\n"), { flag: "wx", mode: 0o600 });
    return fs.readFileSync(csvFile, "utf8").split("\r\n").length;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { exportCsv };
