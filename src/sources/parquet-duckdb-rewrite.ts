import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

let instance: Promise<DuckDBInstance> | undefined;

/**
 * Asks DuckDB to read a Parquet file parquet-wasm rejects and write it back (to a private temp
 * directory, never next to the user's file) in a plain encoding parquet-wasm understands.
 * Rejects with DuckDB's message when DuckDB cannot read it either.
 */
export async function rewriteWithDuckDB(absolute: string, bytes: Uint8Array): Promise<{ bytes: Uint8Array; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'datacheck-parquet-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    instance ??= DuckDBInstance.create(':memory:', { threads: '1' });
    const conn = await (await instance).connect();
    try {
      // DuckDB reads the bytes we already validated the magic of; gzip input was decompressed first.
      let input = absolute;
      if (!absolute.toLowerCase().endsWith('.parquet')) {
        input = path.join(dir, 'input.parquet');
        await import('node:fs/promises').then((fs) => fs.writeFile(input, bytes));
      }
      const out = path.join(dir, 'rewritten.parquet');
      const q = (p: string) => `'${p.replace(/'/g, "''")}'`;
      await conn.run(`COPY (SELECT * FROM read_parquet(${q(input)})) TO ${q(out)} (FORMAT parquet, ROW_GROUP_SIZE 122880)`);
      return { bytes: new Uint8Array(await readFile(out)), cleanup };
    } finally {
      conn.closeSync();
    }
  } catch (e) {
    await cleanup();
    throw e;
  }
}
