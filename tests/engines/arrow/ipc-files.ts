import { Dictionary, Float64, Int32, Int64, Table, TimestampMillisecond, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { RecordBatch } from 'apache-arrow';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { batchOf, split } from './helpers.js';

/** A fresh temporary directory for generated data files (never the repo). */
export const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'datacheck-parallel-'));

/**
 * `rows` orders with nulls, NaN, failing values and duplicate keys spread over the whole table,
 * so duplicates and failing rows fall in different batches (and thus different threads).
 * Deterministic in `seed`.
 */
export function ordersBatch(rows: number, seed = 1): RecordBatch {
  let x = seed >>> 0 || 1;
  const rand = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const ids: (bigint | null)[] = [];
  const amount: (number | null)[] = [];
  const status: (string | null)[] = [];
  const email: (string | null)[] = [];
  const code: (string | null)[] = [];
  const at: Date[] = [];
  for (let i = 0; i < rows; i++) {
    const r = rand();
    // ~3% of ids repeat an id from anywhere earlier (often another batch); a few ids are null.
    ids.push(r < 0.005 ? null : r < 0.035 && i > 0 ? BigInt(Math.floor(rand() * i)) * 7n + 2n ** 60n : BigInt(i) * 7n + 2n ** 60n);
    const a = rand();
    amount.push(a < 0.05 ? null : a < 0.06 ? NaN : a < 0.08 ? -a * 100 : Math.round(a * 100_000) / 100);
    const s = rand();
    status.push(s < 0.03 ? null : s < 0.05 ? 'lost' : ['placed', 'shipped', 'completed'][Math.floor(s * 3)]);
    const e = rand();
    email.push(e < 0.02 ? null : e < 0.04 ? `bad${i}` : `user${i % 997}@example.com`);
    code.push(rand() < 0.02 ? null : `c${Math.floor(rand() * rows * 0.8)}`);
    at.push(new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 366) * 86_400_000));
  }
  return batchOf({
    id: vectorFromArray(ids, new Int64()),
    amount: vectorFromArray(amount, new Float64()),
    status: vectorFromArray(status, new Dictionary(new Utf8(), new Int32())),
    email: vectorFromArray(email, new Utf8()),
    code: vectorFromArray(code, new Utf8()),
    at: vectorFromArray(at, new TimestampMillisecond()),
  });
}

/** Writes the batches as one Arrow IPC *file* (one record batch each); returns its path. */
export function writeIpcFile(dir: string, name: string, batches: RecordBatch[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, tableToIPC(new Table(batches), 'file'));
  return file;
}

/** Splits `whole` into batches of the given sizes and writes them as an IPC file. */
export function writeSplit(dir: string, name: string, whole: RecordBatch, sizes: number[]): string {
  return writeIpcFile(dir, name, split(whole, sizes));
}
