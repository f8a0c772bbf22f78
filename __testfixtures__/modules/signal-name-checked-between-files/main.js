const { markReady, clearReady } = require('./worker');
const { isReady } = require('./watcher');

markReady();
console.log(isReady());
clearReady();
console.log(isReady());
