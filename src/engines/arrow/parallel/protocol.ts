import type { PlannedMetric } from '../../engine.js';
import type { Issue } from '../../../model/issue.js';
import { DatacheckError, isDatacheckError } from '../../../model/issue.js';
import type { PartsSpec, SourcePart } from '../../../sources/source.js';

/** What a worker is given (structured-cloned as workerData). */
export interface WorkerInput {
  spec: PartsSpec;
  parts: SourcePart[];
  metrics: PlannedMetric[];
  /** The run's now(), so filters such as `ordered_at >= current_date - 7` agree across threads. */
  nowMs: number;
  /** The columns failing-row samples may show (the contract's). */
  sampleColumns?: string[];
}

/** Per metric, in the order of `WorkerInput.metrics`: its state, or the issue that stopped it. */
export type WorkerState = { state: unknown } | { issue: Issue };

/** The one message a worker posts. */
export type WorkerOutput = { ok: true; states: WorkerState[] } | { ok: false; error: SerializedError };

export type SerializedError = { issue: Issue } | { message: string };

export function serializeError(e: unknown): SerializedError {
  if (isDatacheckError(e)) return { issue: e.issue };
  return { message: (e as Error)?.message ?? String(e) };
}

/** Rebuilds the error as the single-threaded path would have thrown it. */
export function deserializeError(e: SerializedError): Error {
  return 'issue' in e ? new DatacheckError(e.issue) : new Error(e.message);
}

/** The ArrayBuffers under a state's typed arrays: moved to the main thread, not copied. */
export function transferables(value: unknown, out = new Set<ArrayBuffer>(), depth = 0): Set<ArrayBuffer> {
  if (value === null || typeof value !== 'object' || depth > 3) return out;
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const v of value) if (v !== null && typeof v === 'object') transferables(v, out, depth + 1);
  } else if (!(value instanceof Map) && !(value instanceof Set)) {
    for (const v of Object.values(value)) transferables(v, out, depth + 1);
  }
  return out;
}
