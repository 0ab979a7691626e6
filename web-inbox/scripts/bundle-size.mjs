// Measures the built bundle: every file under dist/ gzipped (level 9), and fails above the budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 300 * 1024;
const files = [];
const walk = (dir) => readdirSync(dir).forEach((name) => {
  const path = join(dir, name);
  statSync(path).isDirectory() ? walk(path) : files.push(path);
});
walk('dist');
let raw = 0;
let gzipped = 0;
for (const file of files) {
  const bytes = readFileSync(file);
  raw += bytes.length;
  gzipped += gzipSync(bytes, { level: 9 }).length;
}
console.log(`web-inbox bundle: ${files.length} files, ${(raw / 1024).toFixed(1)} kB raw, ${(gzipped / 1024).toFixed(1)} kB gzipped (budget ${BUDGET / 1024} kB)`);
if (gzipped > BUDGET) {
  console.error('web-inbox: the bundle is over its budget');
  process.exit(1);
}
