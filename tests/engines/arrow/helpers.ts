import { Field, RecordBatch, Schema, Struct, makeData } from 'apache-arrow';
import type { Vector } from 'apache-arrow';
import type { Aggregator, BatchInput } from '../../../src/engines/arrow/aggregator.js';
import { aggregatorFor } from '../../../src/engines/arrow/aggregators/index.js';
import type { PlannedMetric } from '../../../src/engines/engine.js';
import { BatchColumns, evaluatePredicate } from '../../../src/engines/arrow/expr/evaluate.js';
import type { ContractDef } from '../../../src/model/contract.js';
import type { MetricSpec } from '../../../src/model/metric.js';
import type { OpenedSource, SourceBatch } from '../../../src/sources/source.js';

/** A batch from named Arrow vectors (nullable fields). */
export function batchOf(cols: Record<string, Vector>): RecordBatch {
  const fields = Object.entries(cols).map(([name, v]) => new Field(name, v.type, true));
  const n = Object.values(cols)[0].length;
  return new RecordBatch(
    new Schema(fields),
    makeData({ type: new Struct(fields), length: n, children: Object.values(cols).map((v) => v.data[0]), nullCount: 0 }),
  );
}

/** Splits a batch into consecutive batches of the given sizes (last one takes the rest). */
export function split(batch: RecordBatch, sizes: number[]): RecordBatch[] {
  const out: RecordBatch[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= batch.numRows) break;
    out.push(batch.slice(at, Math.min(at + size, batch.numRows)));
    at += size;
  }
  if (at < batch.numRows) out.push(batch.slice(at));
  return out;
}

/** A tiny in-memory source; `lines` gives each row's source line (1-based) when set. */
export function sourceOf(
  batches: RecordBatch[],
  extra: (sb: SourceBatch, index: number) => Partial<SourceBatch> = () => ({}),
): OpenedSource {
  return {
    description: 'in-memory test source',
    async *batches() {
      let rowOffset = 0;
      for (const [i, batch] of batches.entries()) {
        const sb: SourceBatch = { batch, rowOffset };
        yield { ...sb, ...extra(sb, i) };
        rowOffset += batch.numRows;
      }
    },
  };
}

export const planned = (specs: Record<string, MetricSpec>): PlannedMetric[] => Object.entries(specs).map(([key, spec]) => ({ key, spec }));

/** Folds batches into a fresh state, as the engine does. */
export function fold(agg: Aggregator<any>, spec: MetricSpec, batches: RecordBatch[], rowOffset = 0) {
  const state = agg.init();
  let offset = rowOffset;
  for (const batch of batches) {
    const columns = new BatchColumns(batch);
    const where = 'where' in spec && spec.where ? evaluatePredicate(spec.where, columns) : null;
    const input: BatchInput = {
      source: { batch, rowOffset: offset },
      columns,
      mask: where,
      numRows: batch.numRows,
      predicate: (e) => evaluatePredicate(e, columns),
      eval: {},
    };
    agg.update(state, input);
    offset += batch.numRows;
  }
  return state;
}

export function resultOf(spec: MetricSpec, batches: RecordBatch[]) {
  const agg = aggregatorFor(spec)!;
  return agg.result(fold(agg, spec, batches));
}

/** Result of merging the states of two halves computed separately (as files or workers would). */
export function mergedResult(spec: MetricSpec, batch: RecordBatch, at: number) {
  const agg = aggregatorFor(spec)!;
  const a = fold(agg, spec, [batch.slice(0, at)]);
  const b = fold(agg, spec, [batch.slice(at)], at);
  return agg.result(agg.merge(a, b));
}

/**
 * Result of cutting the rows at `cuts`, folding each piece into its own state, sending each state
 * through structuredClone (as a worker thread's would be) and merging them in order.
 */
export function piecewiseResult(spec: MetricSpec, batch: RecordBatch, cuts: number[]) {
  const agg = aggregatorFor(spec)!;
  const edges = [0, ...cuts.map((c) => c % (batch.numRows + 1)).sort((a, b) => a - b), batch.numRows];
  const states = edges.slice(1).map((end, i) => {
    const state = structuredClone(fold(agg, spec, [batch.slice(edges[i], end)], edges[i]));
    return agg.revive ? agg.revive(state) : state;
  });
  return agg.result(states.reduce((a, b) => agg.merge(a, b)));
}

/**
 * A contract declaring these columns (as strings; the engines read a contract's columns only to
 * know which values failing-row samples may show).
 */
export function contractDeclaring(names: string[], name = 't'): ContractDef {
  const columns = Object.fromEntries(names.map((n) => [n, { type: { type: 'string' as const }, nullable: true }]));
  return { kind: 'contract', name, columns, location: { file: 'x', line: 1, column: 1 } };
}
