const { renderReport, stageConfig } = require('./src/report');

console.log(renderReport([['a', 1], ['b', 2]]));
console.log(stageConfig({ name: 'demo' }));
