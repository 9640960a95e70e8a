// `node bench/startup.js`: how long the README's main command, `npx datacheck` on the bundled
// example, takes on its first run (no npx install of this repo, no transpile or type-check
// cache) and when warm (best of N). Also the CLI run directly (`node bin/datacheck.js`), which
// leaves out npm's own start-up.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { NPX, ROOT, formatStartupRatio, startupRatio, timed } from './startup-ratio.js';

const root = ROOT;
const { values: opts } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(opts.runs);
const log = (s = '') => process.stdout.write(`${s}\n`);
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Forgets what a first run would not have: npx's install of this repo (~/.npm/_npx/<hash>, the
 * one naming this directory) and this repo's entries in node_modules/.cache/datacheck (entries
 * of other checkouts sharing that folder are left alone: they name their own paths).
 */
function forgetCaches() {
  const npx = path.join(os.homedir(), '.npm/_npx');
  for (const dir of existsSync(npx) ? readdirSync(npx) : []) {
    const manifest = path.join(npx, dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8'))._npx?.packages?.includes(root))
      rmSync(path.join(npx, dir), { recursive: true, force: true });
  }
  for (const kind of ['jiti', 'typecheck']) {
    const dir = path.join(root, 'node_modules/.cache/datacheck', kind);
    for (const entry of existsSync(dir) ? readdirSync(dir) : []) {
      const file = path.join(dir, entry);
      if (readFileSync(file, 'utf8').includes(`${root}/`)) rmSync(file);
    }
  }
}

if (!existsSync(path.join(root, 'dist/src/cli/main.js'))) {
  log('dist/ is missing: run `npm run build` (or `npm ci`) first');
  process.exit(2);
}
const npx = NPX;
log(`startup on the bundled example (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
forgetCaches();
const cold = await timed(npx, ['datacheck']);
log(`npx datacheck, first run (npx installs the repo, prepare finds dist/ built, no caches): ${secs(cold.ms)}`);
const warm = [];
for (let i = 0; i < runs; i++) warm.push((await timed(npx, ['datacheck'])).ms);
log(`npx datacheck, warm: best ${secs(Math.min(...warm))} of ${warm.map(secs).join(', ')}`);
const direct = [];
const cpu = [];
const probeFile = path.join(os.tmpdir(), `datacheck-startup-probe-${process.pid}.json`);
for (let i = 0; i < runs; i++) {
  // The probe (rss-probe.mjs) records the CLI's own CPU time at exit: on a machine busy with other
  // work the wall time grows with the load, the CPU time hardly does, so it says what an idle
  // machine would see.
  direct.push(
    (await timed(process.execPath, ['--import', './bench/rss-probe.mjs', 'bin/datacheck.js'], { DATACHECK_BENCH_RSS_FILE: probeFile })).ms,
  );
  cpu.push(JSON.parse(readFileSync(probeFile, 'utf8')).cpuMs);
}
rmSync(probeFile, { force: true });
log(`node bin/datacheck.js, warm: best ${secs(Math.min(...direct))} of ${direct.map(secs).join(', ')}`);
log(`  its CPU time (user + system, all threads): best ${secs(Math.min(...cpu))} of ${cpu.map(secs).join(', ')}`);
for (const line of formatStartupRatio(await startupRatio({ runs }))) log(line);
