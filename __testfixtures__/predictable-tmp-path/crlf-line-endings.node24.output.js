const fs = require("fs");
const os = require("os");
const path = require("path");

// Windows-edited helper: keep CRLF.
function exportCsv(rows) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), "export-"));
  const csvFile = path.join(privateDir.path, "export.csv");
  fs.writeFileSync(csvFile, rows.join("\r\n"), { flag: "wx", mode: 0o600 });
  return fs.readFileSync(csvFile, "utf8").split("\r\n").length;
}

module.exports = { exportCsv };
