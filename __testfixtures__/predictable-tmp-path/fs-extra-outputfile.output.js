const fse = require('fs-extra');
const os = require('os');
const path = require('path');
const fs = require('fs');

async function buildSitemap(urls) {
  const privateDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'sitemap-'));
  try {
    const sitemap = path.join(privateDir, 'sitemap.xml');
    await fse.outputFile(sitemap, urls.map((u) => `<url>${u}</url>`).join(''), { flag: 'wx', mode: 0o600 });
    const xml = await fse.readFile(sitemap, 'utf8');
    return xml.length;
  } finally {
    await fs.promises.rm(privateDir, { recursive: true, force: true });
  }
}

module.exports = { buildSitemap };
