// Runs every program of this directory in turn: `node main.js`.
const fs = require('fs');
const path = require('path');

async function main() {
  const programs = fs.readdirSync(__dirname).filter((name) => /^(p\d\d-.*|safe)\.js$/.test(name)).sort();
  for (const name of programs) await require(path.join(__dirname, name))();
  process.stdout.write(`ran ${programs.length} programs\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
