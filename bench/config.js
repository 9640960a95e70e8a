// Constants shared by the generator, both check runners and the comparison: one place to change them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
export const DATA_DIR = path.join(BENCH_DIR, 'data');
export const PROJECT_DIR = path.join(BENCH_DIR, 'project');

/** Bump when the generator's output changes: stale files in bench/data are then regenerated. */
export const DATA_VERSION = 1;
export const ROWS = 5_000_000;
/** DuckDB's default row-group size; also the IPC record-batch size. */
export const BATCH_ROWS = 122_880;

export const STATUSES = ['placed', 'shipped', 'completed', 'returned'];
/** The same pattern DuckDB (RE2) and datacheck (JS) apply; data is ASCII, so `\s` means the same in both. */
export const EMAIL_REGEX = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';
export const AMOUNT_MIN = 0;
export const AMOUNT_MAX = 10_000;

export const COLUMNS = ['order_id', 'customer_id', 'amount', 'status', 'email', 'ordered_at'];
