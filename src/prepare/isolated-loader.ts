import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Issue } from '../model/issue.js';
import { FROM_DIST, PACKAGE_ROOT } from '../package-root.js';
import type { CacheDirChoice } from './cache-dir.js';
import { chooseCacheDir } from './cache-dir.js';
import type { LoadReply, LoadRequest, LoaderSettings } from './load-protocol.js';
import { DEFAULT_LOAD_TIMEOUT_MS } from './load-timeout.js';

/** Loads user files, one at a time, somewhere their code cannot take the run down with it. */
export interface UserCodeLoader {
  load(request: LoadRequest): Promise<LoadReply>;
  /**
   * Starts the worker now rather than at the first load, so its start-up (jiti and datacheck
   * loaded in it) runs on another core while the main thread is still loading the run's modules.
   */
  start(): void;
  /** The config may set the timeout for the files loaded after it. */
  setTimeout(ms: number): void;
  /** Ends the worker and everything user code left running in it (timers, sockets). */
  close(): Promise<void>;
  readonly cache: CacheDirChoice;
}

/**
 * User files run in a worker thread. A `process.exit()` there ends only the worker (reported as
 * `load.exited`), a file that does not finish loading within the timeout is cut off with
 * `worker.terminate()` (`load.timeout`), and either way a fresh worker loads the remaining files,
 * so one bad file is named and the others still run. The worker is started once per run, not per
 * file. Measured (fresh process each, 4 runs, load average 15 on 2 cores): a Worker is ready
 * (jiti and datacheck loaded in it) after 416-658 ms, where importing the same two in-process
 * took 284-512 ms: isolation costs ~100 ms per run, and the main thread no longer loads jiti.
 */
export function createIsolatedLoader(options: { projectRoot: string; timeoutMs?: number }): UserCodeLoader {
  const cache = chooseCacheDir(options.projectRoot);
  const settings: LoaderSettings = { cacheDir: cache.dir };
  let timeoutMs = options.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
  let current: Promise<Worker> | undefined;

  const stop = (worker: Promise<Worker>) => {
    if (current === worker) current = undefined;
    return worker
      .then((w) => w.terminate())
      .then(
        () => undefined,
        () => undefined,
      );
  };

  return {
    cache,
    setTimeout(ms) {
      timeoutMs = ms;
    },
    close: () => (current ? stop(current) : Promise.resolve()),
    start() {
      current ??= startWorker(settings);
      // Handled here so a worker that fails to start before the first load is not an unhandled
      // rejection; that load still sees the error.
      current.catch(() => undefined);
    },
    async load(request) {
      current ??= startWorker(settings);
      const started = current;
      const worker = await started;
      const { reply, dead } = await exchange(worker, request, timeoutMs);
      // A worker that exited, crashed or hung is not reused: whatever the file did is gone with it.
      if (dead) await stop(started);
      return reply;
    },
  };
}

/** One request, one reply: or the worker's exit, its crash, or the timeout, whichever comes first. */
function exchange(worker: Worker, request: LoadRequest, timeoutMs: number): Promise<{ reply: LoadReply; dead: boolean }> {
  return new Promise((resolve) => {
    const settle = (reply: LoadReply, dead: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('exit', onExit).off('error', onError);
      // An idle worker must not keep the CLI alive (its timers are the user's, not ours).
      worker.unref();
      resolve({ reply, dead });
    };
    const onMessage = (reply: LoadReply) => settle(reply, false);
    const onExit = (code: number) =>
      settle(lost(request.file, 'load.exited', `called process.exit(${code}) while loading`, `process.exit(${code})`), true);
    const onError = (error: Error) => settle(crashed(request.file, error), true);
    const timer = setTimeout(
      () =>
        settle(
          lost(
            request.file,
            'load.timeout',
            `did not finish loading within ${timeoutMs} ms`,
            `still loading after ${timeoutMs} ms (an endless loop, or an await that never settles?)`,
          ),
          true,
        ),
      timeoutMs,
    );
    worker.on('message', onMessage).on('exit', onExit).on('error', onError);
    worker.ref();
    worker.postMessage(request);
  });
}

function lost(file: string, code: 'load.exited' | 'load.timeout', what: string, found: string): LoadReply {
  const issue: Issue = {
    code,
    message: `${path.basename(file)} ${what}`,
    location: { file, line: 1, column: 1 },
    expected: 'a file that only declares contracts, suites or the config, and finishes loading',
    found,
    hint:
      code === 'load.exited'
        ? 'remove the process.exit() call: loading a contract must not end the run'
        : 'look for a loop or an await at the top level of the file; the limit is loadTimeout in datacheck.config.ts, --load-timeout or DATACHECK_LOAD_TIMEOUT',
  };
  return { file, ok: false, issue, error: { name: code, message: issue.message, stack: issue.message } };
}

/** An exception thrown outside the import (a timer's callback) ends the worker: blame the file loading. */
function crashed(file: string, error: Error): LoadReply {
  const found = `${error.name}: ${error.message.split('\n')[0]}`;
  return {
    file,
    ok: false,
    issue: {
      code: 'load.module_threw',
      message: `${path.basename(file)} threw while loading: ${found}`,
      location: { file, line: 1, column: 1 },
      expected: 'a module that loads without throwing',
      found,
      hint: 'run with --debug to see the stack trace',
    },
    error: { name: error.name, message: error.message, stack: error.stack ?? '' },
  };
}

/** Resolves once the worker has loaded datacheck itself, so a file's timeout counts only its own code. */
function startWorker(settings: LoaderSettings): Promise<Worker> {
  const worker = spawn(settings);
  return new Promise((resolve, reject) => {
    const onReady = () => {
      worker.off('error', reject).off('exit', onExit);
      resolve(worker);
    };
    const onExit = (code: number) => reject(new Error(`the load worker stopped before it was ready (exit code ${code})`));
    worker.once('message', onReady).once('error', reject).once('exit', onExit);
  });
}

function spawn(settings: LoaderSettings): Worker {
  // The built CLI runs the compiled worker. From source (vitest) there is no .js to run, so a
  // one-line bootstrap has jiti transpile the .ts worker and datacheck's own sources, cached in
  // the package's node_modules/.cache when that is safe (~1.5 s per worker saved under tests).
  if (FROM_DIST) return new Worker(new URL('./load-worker.js', import.meta.url), { workerData: settings });
  const workerFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load-worker.ts');
  const jiti = pathToFileURL(createRequire(import.meta.url).resolve('jiti')).href;
  const options = { interopDefault: false, fsCache: chooseCacheDir(PACKAGE_ROOT).dir };
  const bootstrap = `import(${JSON.stringify(jiti)}).then(({ createJiti }) => createJiti(${JSON.stringify(workerFile)}, ${JSON.stringify(options)}).import(${JSON.stringify(workerFile)}))`;
  return new Worker(bootstrap, { eval: true, workerData: settings });
}
