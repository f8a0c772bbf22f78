const { runJob } = require('./lib/jobs');

console.log(runJob(7, { steps: [1, 2, 3] }));
