import type { EngineContext, MetricEngine, PlannedMetric } from '../engine.js';
import type { MetricResults } from '../../model/metric.js';
import type { OpenedSource } from '../../sources/source.js';
import type { EvalContext } from './expr/evaluate.js';
import { computeParallel } from './parallel/compute-parallel.js';
import { threadCount } from './parallel/thread-count.js';
import { keepFileNamesOfSeveralFiles, readBackDuplicateRows } from './finish-samples.js';
import { collectResults, initRunning, processBatch } from './running.js';

export interface ArrowEngineOptions {
  /** Threads to use, the main one included (default: DATACHECK_THREADS, else min(2, cores)). */
  threads?: number;
  /** Fewer rows than this stay on one thread (default DEFAULT_MIN_PARALLEL_ROWS). */
  minRows?: number;
  /** Told the rows of each range when a computation is split (debugging, tests). */
  onSplit?(rangeRows: number[]): void;
}

/**
 * Measured on the 2-core CI machine with the benchmark's contract (engine time, cold process,
 * best of 3, 1 thread vs 2): 0.25M rows 223 vs 335 ms, 1M 465 vs 623, 2M 680 vs 815, 2.9M 1022
 * vs 985, 3.9M 1231 vs 1168, 5M 1498 vs 1415. A worker costs ~0.2 s to start and load the
 * engine, both isolates warm up their JIT separately and two busy threads each run ~30% slower
 * than one alone, so splitting pays off only from ~3M rows.
 */
export const DEFAULT_MIN_PARALLEL_ROWS = 3_000_000;

/**
 * The in-process engine: one pass over the source's RecordBatches computes every requested
 * metric. Per batch, each column is converted once, each distinct `where` mask and predicate
 * is evaluated once and shared. A metric that fails (missing column, wrong type, bad regex) gets
 * its issue and stops; the others go on. Errors of the source itself propagate.
 *
 * Sources that expose independent parts (Arrow IPC files) and are large enough are split in
 * contiguous row ranges: the main thread computes the first range, worker threads the others,
 * and the states are merged in range order, so the results equal the single-threaded ones.
 */
export function createArrowEngine(options: ArrowEngineOptions = {}): MetricEngine {
  return {
    name: 'arrow',
    compute: (source, metrics, ctx) => computeMetrics(source, metrics, ctx, options),
  };
}

export const arrowEngine: MetricEngine = createArrowEngine();

export async function computeMetrics(
  source: OpenedSource,
  metrics: PlannedMetric[],
  ctx: EngineContext,
  options: ArrowEngineOptions = {},
): Promise<MetricResults> {
  const evalCtx: EvalContext = { now: ctx.now ?? new Date() };
  // Samples show the contract's columns only: an undeclared one may be personal data nobody marked.
  const sampleColumns = Object.keys(ctx.contract.columns);
  const threads = threadCount(options.threads);
  if (threads > 1 && source.parts) {
    const parts = await source.parts();
    const rows = parts?.parts.reduce((n, p) => n + p.rows, 0) ?? 0;
    // A dataset without rows goes the sequential way: it yields one empty batch carrying the schema.
    if (parts && parts.parts.length >= 2 && rows > 0 && rows >= (options.minRows ?? DEFAULT_MIN_PARALLEL_ROWS)) {
      const results = collectResults(await computeParallel(parts, metrics, evalCtx, threads, options.onSplit, sampleColumns));
      await readBackDuplicateRows(source, metrics, results, sampleColumns);
      keepFileNamesOfSeveralFiles(source, results);
      return results;
    }
  }
  const running = initRunning(metrics, sampleColumns);
  for await (const sb of source.batches()) processBatch(sb, running, evalCtx);
  const results = collectResults(running);
  await readBackDuplicateRows(source, metrics, results, sampleColumns);
  keepFileNamesOfSeveralFiles(source, results);
  return results;
}
