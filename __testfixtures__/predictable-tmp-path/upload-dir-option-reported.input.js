// An import endpoint tells its upload parser to write into the shared temp directory.
const os = require('os');
const { Formidable } = require('formidable');

const uploads = os.tmpdir();

function parseUpload(req) {
  const form = new Formidable({ keepExtensions: true, uploadDir: uploads, maxFileSize: 1e6 });
  return form.parse(req);
}

module.exports = { parseUpload };
