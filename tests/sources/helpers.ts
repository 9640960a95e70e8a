import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { ColumnDef, ContractDef, LogicalType, SourceDef } from '../../src/model/contract.js';
import { openSource } from '../../src/sources/open-source.js';
import type { SourceBatch } from '../../src/sources/source.js';
import { sharedPath } from '../support/shared-dir.js';

export const DATASETS = sharedPath('datasets');
export const ORACLES = sharedPath('oracles');

export function contract(columns: Record<string, LogicalType> = {}): ContractDef {
  const cols: Record<string, ColumnDef> = {};
  for (const [k, type] of Object.entries(columns)) cols[k] = { type, nullable: true };
  return { kind: 'contract', name: 'test', columns: cols, location: { file: 'test.ts', line: 1, column: 1 } };
}

export const T = {
  int64: { type: 'int', bits: 64, signed: true } as LogicalType,
  int32: { type: 'int', bits: 32, signed: true } as LogicalType,
  int8: { type: 'int', bits: 8, signed: true } as LogicalType,
  uint8: { type: 'int', bits: 8, signed: false } as LogicalType,
  f64: { type: 'float', bits: 64 } as LogicalType,
  str: { type: 'string' } as LogicalType,
  bool: { type: 'bool' } as LogicalType,
  date: { type: 'date' } as LogicalType,
  ts: (unit: 's' | 'ms' | 'us' | 'ns' = 'us', tz?: string) => ({ type: 'timestamp', unit, ...(tz ? { tz } : {}) }) as LogicalType,
  dec: (precision: number, scale: number) => ({ type: 'decimal', precision, scale }) as LogicalType,
};

/** Opens a source and collects every batch. */
export async function readAll(def: SourceDef, opts: { baseDir?: string; columns?: Record<string, LogicalType>; batchSize?: number } = {}) {
  const opened = await openSource(def, { contract: contract(opts.columns), baseDir: opts.baseDir ?? DATASETS, batchSize: opts.batchSize });
  const batches: SourceBatch[] = [];
  for await (const b of opened.batches()) batches.push(b);
  const rows = batches.reduce((s, b) => s + b.batch.numRows, 0);
  const column = (name: string) => batches.flatMap((b) => [...(b.batch.getChild(name) ?? [])]);
  const lines = batches.flatMap((b) => [...(b.lines ?? [])]);
  const failures = batches.flatMap((b) => b.parseFailures ?? []);
  return { opened, batches, rows, column, lines, failures, schema: batches[0]?.batch.schema };
}

/** Writes small files to a fresh temp dir and returns it. */
export function tmpFiles(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'datacheck-src-test-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

/** The DatacheckError issue thrown by `p` (fails the test if it resolves or throws something else). */
export async function issueOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    const issue = (
      e as {
        issue?: {
          code: string;
          message: string;
          location?: { file: string; line: number; column: number };
          expected?: string;
          found?: string;
        };
      }
    ).issue;
    if (!issue) throw e;
    return issue;
  }
  throw new Error('expected a DatacheckError, but reading succeeded');
}
