// Pattern 4: guessable or merely random names, not created exclusively.
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

let counter = 0;

module.exports = function guessableNames() {
  const names = [];
  const byPid = path.join(os.tmpdir(), `job-${process.pid}.txt`);
  fs.writeFileSync(byPid, 'pid'); // audit: insecure-creation
  const byTime = path.join(os.tmpdir(), `job-${Date.now()}.txt`);
  fs.writeFileSync(byTime, 'time'); // audit: insecure-creation
  const byRandom = path.join(os.tmpdir(), `job-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(byRandom, 'random'); // audit: insecure-creation
  const byUuid = path.join(os.tmpdir(), `job-${crypto.randomUUID()}.txt`);
  fs.writeFileSync(byUuid, 'uuid'); // audit: insecure-creation
  names.push(byPid, byTime, byRandom, byUuid);
  for (let i = 0; i < 3; i++) {
    const byCounter = path.join(os.tmpdir(), `part-${counter++}.txt`);
    fs.writeFileSync(byCounter, String(i)); // audit: insecure-creation x3
    names.push(byCounter);
  }
  for (const name of names) fs.unlinkSync(name);
};
