import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DatacheckError } from '../../../model/issue.js';
import type { WorkerInput, WorkerOutput } from './protocol.js';

export interface RunningWorker {
  /** Settles exactly once: the worker's message, or a rejection if it died without one. */
  output: Promise<WorkerOutput>;
  terminate(): Promise<void>;
}

/**
 * Compiled (dist/, the CLI) the worker runs worker-entry.js directly. Under vitest this module is
 * TypeScript source with no .js beside it, so a tiny CommonJS bootstrap loads worker-entry.ts
 * through jiti (already a dependency: it loads users' contracts).
 */
function workerFor(input: WorkerInput): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker-entry.js', here), { workerData: input });
  const entry = fileURLToPath(new URL('./worker-entry.ts', here));
  const jiti = createRequire(here).resolve('jiti');
  const bootstrap = `require(${JSON.stringify(jiti)})(${JSON.stringify(entry)}).import(${JSON.stringify(entry)})`;
  return new Worker(bootstrap, { eval: true, workerData: input });
}

const workerError = (why: string) =>
  new DatacheckError({
    code: 'engine.worker',
    message: `a worker thread of the arrow engine failed: ${why}`,
    hint: 'set DATACHECK_THREADS=1 to compute on one thread',
  });

export function spawnWorker(input: WorkerInput): RunningWorker {
  let worker: Worker;
  try {
    worker = workerFor(input);
  } catch (e) {
    throw workerError(`it could not start: ${(e as Error)?.message ?? String(e)}`);
  }
  let settled = false;
  const output = new Promise<WorkerOutput>((resolve, reject) => {
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      reject(workerError(why));
    };
    worker.once('message', (m: WorkerOutput) => {
      settled = true;
      resolve(m);
    });
    worker.once('error', (e) => fail(e?.message ?? String(e)));
    worker.once('exit', (code) => fail(`it exited (code ${code}) without a result`));
  });
  output.catch(() => {}); // awaited later, or abandoned when an earlier range fails first
  return { output, terminate: () => worker.terminate().then(() => undefined) };
}
