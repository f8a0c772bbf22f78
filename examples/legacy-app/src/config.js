'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

// Writes the merged settings where the worker can pick them up, then reads them back.
function saveSettings(settings) {
  const file = path.join(os.tmpdir(), 'legacy-app-settings.json');
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  return Object.keys(saved).length;
}

function loadDefaults() {
  const defaults = path.join(os.tmpdir(), 'legacy-app-defaults.json');
  if (!fs.existsSync(defaults)) {
    fs.writeFileSync(defaults, JSON.stringify({ theme: 'light' }));
  }
  return JSON.parse(fs.readFileSync(defaults, 'utf8'));
}

module.exports = { saveSettings, loadDefaults };
