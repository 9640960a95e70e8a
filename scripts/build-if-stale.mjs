#!/usr/bin/env node
// `prepare`: build dist/ only when it is missing or older than its sources.
//
// Why: npm runs `prepare` after `npm ci`/`npm install`, and `npx datacheck` inside this repo
// installs the repo itself (a `file:` link in ~/.npm/_npx) and so runs `prepare` again. A full
// `tsc` build there made the first `npx datacheck` take 23-27 s although dist/ had just been
// built. `npm run build` still always builds.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else yield p;
  }
}

const mtime = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};

/** Why dist/ needs building, or undefined when every source has an output newer than every input. */
function staleBecause() {
  const sources = [...files(path.join(root, 'src'))].filter((f) => /\.[cm]?ts$/.test(f) && !/\.d\.[cm]?ts$/.test(f));
  const inputs = [...sources, ...['tsconfig.json', 'tsconfig.build.json'].map((f) => path.join(root, f))];
  const newestInput = Math.max(...inputs.map((f) => mtime(f) ?? 0));
  for (const source of sources) {
    const output = path.join(root, 'dist', path.relative(root, source)).replace(/\.([cm]?)ts$/, '.$1js');
    const built = mtime(output);
    if (built === undefined) return `${path.relative(root, output)} is missing`;
    if (built < newestInput) return `${path.relative(root, output)} is older than the sources`;
  }
  return undefined;
}

const reason = staleBecause();
if (reason === undefined) {
  process.stdout.write('datacheck: dist/ is up to date, not rebuilding\n');
} else {
  process.stdout.write(`datacheck: building dist/ (${reason})\n`);
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exitCode = tsc.status ?? 1;
}
