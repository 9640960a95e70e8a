#!/usr/bin/env node
// The only file that touches the process: argv in, exit code out (like ESLint's bin/eslint.js).
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const debug = args.includes('--debug');

// Anything that escapes main() means the run could not be done: exit 2, never 1 ("a check
// failed"), and no stack trace unless asked for.
function crashed(e) {
  const text = debug && e instanceof Error ? (e.stack ?? String(e)) : e instanceof Error ? e.message : String(e);
  if (!process.stderr.destroyed)
    process.stderr.write(`datacheck: internal error: ${text}\n${debug ? '' : '(run with --debug for the stack trace)\n'}`);
  process.exitCode = 2;
}
process.on('uncaughtException', crashed);
process.on('unhandledRejection', crashed);

// `datacheck 2>&1 | head`: a reader that stops early closes the pipe (EPIPE). That stream is then
// destroyed and ignores what is still written to it; the run goes on to its own exit code (files
// reports are still written). Both streams need the listener: stderr had none, so its EPIPE became
// an uncaughtException whose handler wrote to stderr again, an endless loop at 96% CPU.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e?.code !== 'EPIPE') crashed(e);
  });
}

// Ctrl-C or SIGTERM: without a handler Node dies at once and a PostgreSQL query it started goes
// on running on the server (~36 s measured). Instead the run is aborted: its connections cancel
// their running statements (pg_cancel_backend, DuckDB's interrupt) and main() returns 130/143.
// In-process work (an Arrow scan) does not stop at abort, so after GRACE_MS, or at a second
// signal, the process exits with that code regardless.
const GRACE_MS = 3000;
function stopSignal() {
  const controller = new AbortController();
  for (const [name, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ]) {
    process.on(name, () => {
      if (controller.signal.aborted) process.exit(code);
      controller.abort(name);
      setTimeout(() => process.exit(code), GRACE_MS).unref();
    });
  }
  return controller.signal;
}

// Answer --version before importing anything heavy (arrow, duckdb, typescript): it must be instant.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  const entry = new URL('../dist/src/cli/main.js', import.meta.url);
  if (!existsSync(entry)) {
    process.stderr.write('datacheck: the package is not built (dist/ is missing): run `npm run build` first\n');
    process.exitCode = 2;
  } else {
    try {
      const { main } = await import(entry.href);
      const { processIo } = await import(new URL('../dist/src/cli/io.js', import.meta.url).href);
      // exitCode, not exit(): let stdout drain when it is a pipe.
      process.exitCode = await main(args, processIo(stopSignal()));
    } catch (e) {
      crashed(e);
    }
  }
}
