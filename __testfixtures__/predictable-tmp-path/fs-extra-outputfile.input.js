const fse = require('fs-extra');
const os = require('os');
const path = require('path');

async function buildSitemap(urls) {
  const sitemap = path.join(os.tmpdir(), 'sitemap.xml');
  await fse.outputFile(sitemap, urls.map((u) => `<url>${u}</url>`).join(''));
  const xml = await fse.readFile(sitemap, 'utf8');
  return xml.length;
}

module.exports = { buildSitemap };
