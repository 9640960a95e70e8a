import { availableParallelism } from 'node:os';
import { DatacheckError } from '../../../model/issue.js';

/**
 * Threads for the Arrow engine: an explicit option, else `DATACHECK_THREADS` (for debugging and
 * equivalence runs; 1 forces the single-threaded path), else min(2, available cores): each
 * thread holds its own copy of large states (sorted keys, quantile values), so more threads
 * trade memory for little on typical CI machines.
 */
export function threadCount(option?: number, env: string | undefined = process.env.DATACHECK_THREADS): number {
  if (option !== undefined) return check(option, 'the threads option');
  if (env !== undefined && env.trim() !== '') return check(Number(env.trim()), `DATACHECK_THREADS=${env}`);
  return Math.min(2, availableParallelism());
}

function check(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new DatacheckError({
      code: 'engine.threads',
      message: `${what} is not a valid thread count`,
      expected: 'a whole number from 1 to 64 (1 = single-threaded)',
      found: String(n),
    });
  }
  return n;
}
