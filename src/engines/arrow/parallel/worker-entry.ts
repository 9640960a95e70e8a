import { parentPort, workerData } from 'node:worker_threads';
import { readParts } from '../../../sources/read-parts.js';
import { initRunning, processBatch } from '../running.js';
import { serializeError, transferables, type WorkerInput, type WorkerOutput, type WorkerState } from './protocol.js';

/**
 * A worker thread: reads its range of parts, folds every batch into the metric states, posts the
 * states back (typed arrays transferred) and ends. Any error is posted as a value, never thrown
 * into the void, so the main thread always gets exactly one message.
 */
async function run(input: WorkerInput): Promise<{ output: WorkerOutput; transfer: ArrayBuffer[] }> {
  try {
    const running = initRunning(input.metrics, input.sampleColumns);
    const evalCtx = { now: new Date(input.nowMs) };
    for await (const sb of readParts(input.spec, input.parts)) processBatch(sb, running, evalCtx);
    for (const r of running) if (!r.issue) r.agg.prepare?.(r.state);
    const states: WorkerState[] = running.map((r) => (r.issue ? { issue: r.issue } : { state: r.state }));
    const transfer = new Set<ArrayBuffer>();
    for (const r of running) if (!r.issue) transferables(r.state, transfer);
    return { output: { ok: true, states }, transfer: [...transfer] };
  } catch (e) {
    return { output: { ok: false, error: serializeError(e) }, transfer: [] };
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as WorkerInput).then(({ output, transfer }) => port.postMessage(output, transfer));
}
