#!/usr/bin/env node
// The only file that touches the process: argv in, exit code out (like ESLint's bin/eslint.js).
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);

// `datacheck | head`: a reader that stops early is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// Answer --version before importing anything heavy (arrow, duckdb, typescript): it must be instant.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  let main;
  try {
    ({ main } = await import('../dist/src/cli/main.js'));
  } catch (e) {
    if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/src/cli/main.js')) {
      process.stderr.write('datacheck: the package is not built (dist/ is missing): run `npm run build` first\n');
      process.exitCode = 2;
    } else {
      throw e;
    }
  }
  if (main) {
    // exitCode, not exit(): let stdout drain when it is a pipe.
    process.exitCode = await main(args);
  }
}
