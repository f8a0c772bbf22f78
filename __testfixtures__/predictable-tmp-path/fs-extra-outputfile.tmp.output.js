const fse = require('fs-extra');
const path = require('path');
const tmp = require('tmp');

async function buildSitemap(urls) {
  const privateDir = tmp.dirSync({ prefix: 'sitemap-', unsafeCleanup: true });
  try {
    const sitemap = path.join(privateDir.name, 'sitemap.xml');
    await fse.outputFile(sitemap, urls.map((u) => `<url>${u}</url>`).join(''), { flag: 'wx', mode: 0o600 });
    const xml = await fse.readFile(sitemap, 'utf8');
    return xml.length;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { buildSitemap };
