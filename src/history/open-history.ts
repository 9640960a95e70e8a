import path from 'node:path';
import type { ConnectionDef, HistoryConfig } from '../model/config.js';
import type { Issue } from '../model/issue.js';
import { isDatacheckError } from '../model/issue.js';
import { duckdbHistoryStore } from './duckdb-store.js';
import type { HistoryStore } from './history-store.js';
import { postgresHistoryStore } from './postgres-store.js';

/** The default store, relative to the project root; `.datacheck/` belongs in .gitignore. */
export const DEFAULT_HISTORY_FILE = '.datacheck/history.duckdb';
export const DEFAULT_HISTORY_SCHEMA = 'datacheck_history';

/** The run's history: a store, or why there is none (`off`), or why it cannot be had (`issue`). */
export type HistorySetting = { store: HistoryStore } | { off: string } | { issue: Issue };

export interface HistoryInput {
  cwd: string;
  /** `history` of the config: absent for the default DuckDB file, false for none. */
  config: false | HistoryConfig | undefined;
  /** False with --no-history. */
  enabled: boolean;
  connections: Record<string, ConnectionDef> | undefined;
  env: NodeJS.ProcessEnv;
}

/** Which store the run reads and appends to; nothing is opened yet. */
export function historySetting(input: HistoryInput): HistorySetting {
  if (!input.enabled) return { off: 'the metric history is off (--no-history)' };
  if (input.config === false) return { off: 'the metric history is off (history: false in the config)' };
  const config = input.config ?? {};
  if (config.connection !== undefined) {
    const def = input.connections?.[config.connection];
    if (def?.kind !== 'postgres') {
      return {
        issue: {
          code: 'history.unavailable',
          message: `history.connection '${config.connection}' is not a PostgreSQL connection of the config`,
          expected: `a name in connections with kind: 'postgres' (${Object.keys(input.connections ?? {}).join(', ') || 'there are none'})`,
          found: def ? `kind '${def.kind}'` : 'no such connection',
        },
      };
    }
    return { store: postgresHistoryStore(config.connection, def, config.schema ?? DEFAULT_HISTORY_SCHEMA, input.env) };
  }
  const shown = config.path ?? DEFAULT_HISTORY_FILE;
  return { store: duckdbHistoryStore(path.resolve(input.cwd, shown), shown) };
}

/** Whatever a store threw, as the history.unavailable issue (driver texts are already credential-free). */
export function historyIssue(e: unknown, store: HistoryStore): Issue {
  if (isDatacheckError(e) && e.issue.code === 'history.unavailable') return e.issue;
  const cause = isDatacheckError(e) ? e.issue.message : ((e as Error)?.message ?? String(e)).split('\n')[0];
  return {
    code: 'history.unavailable',
    message: `the metric history ${store.describe} could not be used: ${cause}`,
    hint: 'change and anomaly checks need it; --no-history runs without it',
  };
}
