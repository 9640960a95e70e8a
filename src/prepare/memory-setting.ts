import os from 'node:os';

/**
 * How much memory embedded DuckDB may use before it spills to its temp directory. DuckDB's own
 * default is 80% of the machine, which leaves too little for Node's heap beside it (the Arrow
 * engine, samples, reports): measured peaks of 2.5 GiB RSS on the 24M-row CSV suite grow with the
 * data unless DuckDB is bounded. Half the machine leaves the other half to Node and the OS.
 */
export const DEFAULT_MEMORY_SHARE = 0.5;

const SIZE = /^\s*(\d+(?:\.\d+)?)\s*(%|b|kb|kib|mb|mib|gb|gib|tb|tib)\s*$/i;
const UNIT: Record<string, number> = {
  b: 1,
  kb: 1e3,
  kib: 2 ** 10,
  mb: 1e6,
  mib: 2 ** 20,
  gb: 1e9,
  gib: 2 ** 30,
  tb: 1e12,
  tib: 2 ** 40,
};

/**
 * The config's `memory` (e.g. '4GB', '512MiB', '50%' of the machine) in bytes; undefined when not
 * set. A value that is not a size, or less than 64 MiB (DuckDB cannot scan in less), is an error
 * the config check reports.
 */
export function parseMemory(value: unknown, totalBytes = os.totalmem()): { bytes?: number; error?: string } {
  if (value === undefined) return {};
  const m = typeof value === 'string' ? SIZE.exec(value) : null;
  if (!m) return { error: `not a size: ${JSON.stringify(value)}` };
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  const bytes = unit === '%' ? (totalBytes * n) / 100 : n * UNIT[unit];
  if (unit === '%' && (n <= 0 || n > 100)) return { error: `a share of the machine is between 0% and 100%, found ${value}` };
  if (!(bytes >= 64 * 2 ** 20)) return { error: `at least 64MiB, found ${value}` };
  return { bytes: Math.floor(bytes) };
}

/** The memory limit a run gives DuckDB: the config's, else DEFAULT_MEMORY_SHARE of the machine. */
export function duckdbMemoryBytes(value: unknown, totalBytes = os.totalmem()): number {
  return parseMemory(value, totalBytes).bytes ?? Math.floor(totalBytes * DEFAULT_MEMORY_SHARE);
}
