const fs = require("fs");
const os = require("os");
const path = require("path");

// Windows-edited helper: keep CRLF.
function exportCsv(rows) {
  const csvFile = path.join(os.tmpdir(), "export.csv");
  fs.writeFileSync(csvFile, rows.join("\r\n"));
  return fs.readFileSync(csvFile, "utf8").split("\r\n").length;
}

module.exports = { exportCsv };
