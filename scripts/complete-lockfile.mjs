#!/usr/bin/env node
// The npm registry mirror this project's machines use serves only linux-x64 builds of
// platform-specific packages (DuckDB's bindings, rollup). npm then writes a package-lock.json
// without the other platforms' optional packages, and `npm ci` refuses it as out of sync, on
// every machine. This adds the missing entries (version, os, cpu, libc: what npm needs to skip
// them here and fetch them elsewhere). Run it after any `npm install` that changes the lock file.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
const PLATFORM = /-(darwin|linux|win32|freebsd|android|openbsd|openharmony|netbsd|sunos|aix)-([a-z0-9]+)/;
const added = [];
for (const [path, meta] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const top = `node_modules/${name}`;
    const nested = path ? `${path}/node_modules/${name}` : top;
    if (packages[top] || packages[nested]) continue;
    const m = PLATFORM.exec(name);
    if (!m || !/^\d+\.\d+\.\d+/.test(version)) continue; // only exact versions of platform builds
    packages[top] = {
      version,
      optional: true,
      os: [m[1]],
      cpu: [m[2]],
      ...(name.includes('musl') && { libc: ['musl'] }),
    };
    added.push(`${name}@${version}`);
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added ${added.length} platform entries:\n  ${added.join('\n  ')}` : 'lock file already complete');
