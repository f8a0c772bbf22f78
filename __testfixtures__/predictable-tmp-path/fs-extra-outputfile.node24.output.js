const fse = require('fs-extra');
const os = require('os');
const path = require('path');
const fs = require('fs');

async function buildSitemap(urls) {
  await using privateDir = await fs.promises.mkdtempDisposable(path.join(os.tmpdir(), 'sitemap-'));
  const sitemap = path.join(privateDir.path, 'sitemap.xml');
  await fse.outputFile(sitemap, urls.map((u) => `<url>${u}</url>`).join(''), { flag: 'wx', mode: 0o600 });
  const xml = await fse.readFile(sitemap, 'utf8');
  return xml.length;
}

module.exports = { buildSitemap };
