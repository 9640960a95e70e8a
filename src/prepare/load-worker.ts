/**
 * The worker thread that runs user files (contracts, suites, the config). Whatever they do at
 * load time stays in here: `process.exit()` ends only this thread, a timer they leave dies with
 * it when the main thread terminates it, and an endless loop is cut off by the main thread's
 * timeout. What comes back is plain data (structured clone), checked to be so here.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Issue } from '../model/issue.js';
// datacheck itself is loaded before the worker says it is ready, so a file's timeout measures only
// the file; user files importing 'datacheck' get this very module instance.
import '../index.js';
import { createUserJiti } from './user-jiti.js';
import { describeExports, exportedDefinitions, issueFromError } from './load.js';
import type { LoadReply, LoadRequest, LoaderSettings } from './load-protocol.js';

const settings = workerData as LoaderSettings;
const jiti = createUserJiti(settings.cacheDir);
const port = parentPort;
if (!port) throw new Error('load-worker.ts runs only as a worker thread');

port.on('message', async (request: LoadRequest) => {
  port.postMessage(await answer(request));
});
port.postMessage({ ready: true });

async function answer({ file, as }: LoadRequest): Promise<LoadReply> {
  let module: Record<string, unknown>;
  try {
    module = ((await jiti.import(file)) as Record<string, unknown>) ?? {};
  } catch (error) {
    return failed(file, error);
  }
  try {
    // Cloned now, so a value that cannot cross threads is this file's issue, not a crash later.
    if (as === 'config') return { file, ok: true, config: structuredClone(module.default) };
    return { file, ok: true, definitions: structuredClone(exportedDefinitions(module)), exports: describeExports(module) };
  } catch (error) {
    return failed(file, error);
  }
}

function failed(file: string, error: unknown): LoadReply {
  const e = error instanceof Error ? error : new Error(String(error));
  const issue = e.name === 'DataCloneError' ? notPlainData(file, e) : issueFromError(error, file);
  return { file, ok: false, issue, error: { name: e.name, message: e.message, stack: e.stack ?? '' } };
}

/** A function or class instance in an export: contracts, suites and the config are plain data. */
function notPlainData(file: string, e: Error): Issue {
  return {
    code: 'load.not_plain_data',
    message: `${path.basename(file)} exports a value that is not plain data: ${e.message.split('\n')[0]}`,
    location: { file, line: 1, column: 1 },
    expected: 'contracts, suites and the config made of plain values (strings, numbers, arrays, objects)',
    found: e.message.split('\n')[0],
    hint: 'move functions and class instances out of what the file exports',
  };
}
