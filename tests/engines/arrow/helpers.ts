import { Field, RecordBatch, Schema, Struct, makeData } from 'apache-arrow';
import type { Vector } from 'apache-arrow';
import type { PlannedMetric } from '../../../src/engines/engine.js';
import type { MetricSpec } from '../../../src/model/metric.js';
import type { OpenedSource, SourceBatch } from '../../../src/sources/source.js';

/** A batch from named Arrow vectors (nullable fields). */
export function batchOf(cols: Record<string, Vector>): RecordBatch {
  const fields = Object.entries(cols).map(([name, v]) => new Field(name, v.type, true));
  const n = Object.values(cols)[0].length;
  return new RecordBatch(new Schema(fields), makeData({ type: new Struct(fields), length: n, children: Object.values(cols).map((v) => v.data[0]), nullCount: 0 }));
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
export function sourceOf(batches: RecordBatch[], extra: (sb: SourceBatch, index: number) => Partial<SourceBatch> = () => ({})): OpenedSource {
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
