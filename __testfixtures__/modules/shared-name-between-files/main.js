const { publishStatus } = require('./writer');
const { readStatus } = require('./reader');

console.log(publishStatus({ ok: true }) > 0);
console.log(readStatus().ok);
