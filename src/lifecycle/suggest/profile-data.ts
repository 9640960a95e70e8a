import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConnectionRegistry, defaultOpeners } from '../../access/connections.js';
import type { SqlRelation } from '../../engines/sql/sql-connection.js';
import type { ConnectionDef } from '../../model/config.js';
import type { ColumnDef, ContractDef, LogicalType, SourceDef, StringFormat } from '../../model/contract.js';
import type { Issue } from '../../model/issue.js';
import { isDatacheckError } from '../../model/issue.js';
import type { ColumnProfile } from '../../model/result.js';
import { runDatacheck } from '../../run/runner.js';

/** What suggest knows of one column after profiling. */
export interface ProfiledColumn {
  name: string;
  type: LogicalType;
  profile: ColumnProfile;
  /** No duplicate among its non-null values (the engines' unique check passed). */
  distinct: boolean;
  /** Formats every non-null value has (the engines' format checks passed). */
  formats: StringFormat[];
}

export interface DataProfile {
  source: SourceDef;
  rowCount: number;
  columns: ProfiledColumn[];
  /** Columns whose physical type has no logical one (unions, maps): left out of the contract. */
  skipped: string[];
}

export type Target = { file: string } | { table: string; connection: string };

const FORMATS: StringFormat[] = ['uuid', 'email', 'url', 'ipv4', 'date-time', 'date'];
const FILE_FORMATS: Record<string, 'csv' | 'json' | 'parquet'> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.json': 'json',
  '.ndjson': 'json',
  '.jsonl': 'json',
  '.parquet': 'parquet',
};
const at = { file: '<datacheck suggest>', line: 0, column: 0 };

/**
 * Profiles data with the engines themselves: DuckDB describes the columns (files through the
 * run's in-memory DuckDB, tables through their connection), then one ordinary run over probe
 * contracts computes what the suggestion needs: the full column profile (nulls, min/max, most
 * frequent values), a unique check per column, and one format check per string column and format.
 * So a suggested rule holds on this data by the very checks that will run it.
 */
export async function profileData(target: Target, cwd: string, connections: Record<string, ConnectionDef>): Promise<DataProfile | Issue> {
  const described = await describe(target, cwd, connections);
  if ('code' in described) return described;
  const source: SourceDef = 'file' in target ? { file: path.relative(cwd, path.resolve(cwd, target.file)) || target.file } : target;
  // DuckDB's sniffer reads uuid-looking text in CSV and JSON as UUID, which has no logical type;
  // in a text file it is text, and datacheck's own readers read it so: a string (format uuid).
  const textFile = 'file' in target && !/\.parquet$/i.test(target.file);
  const physical = described.map((c) =>
    c.logical === undefined && textFile && c.arrowType === 'UUID' ? { ...c, logical: { type: 'string' } as const } : c,
  );
  const typed = physical.filter((c) => c.logical !== undefined);
  const columns: Record<string, ColumnDef> = Object.fromEntries(
    typed.map((c) => [c.name, { type: c.logical!, nullable: true, unique: true }] as [string, ColumnDef]),
  );
  const base: ContractDef = { kind: 'contract', name: 'profile', source, columns, location: at };
  const stringColumns = Object.entries(columns).filter(([, c]) => c.type.type === 'string');
  const probes: ContractDef[] = FORMATS.map((format) => ({
    kind: 'contract',
    name: `format_${format}`,
    source,
    columns: Object.fromEntries(stringColumns.map(([n, c]) => [n, { type: c.type, nullable: true, format }])),
    location: at,
  }));
  const run = await runDatacheck({
    cwd,
    contracts: stringColumns.length > 0 ? [base, ...probes] : [base],
    suites: [],
    issues: [],
    maxFailingRows: 0,
    profile: 'full',
    connections,
  });
  const dataset = run.datasets.find((d) => d.name === 'profile');
  if (!dataset || dataset.issues.length > 0 || dataset.rowCount === undefined) {
    return dataset?.issues[0] ?? run.issues[0] ?? { code: 'lifecycle.profile_failed', message: 'the data could not be profiled' };
  }
  const passed = (datasetName: string, kind: string, column: string) =>
    run.datasets.find((d) => d.name === datasetName)?.checks.some((c) => c.kind === kind && c.column === column && c.outcome === 'pass') ??
    false;
  return {
    source,
    rowCount: dataset.rowCount,
    columns: typed.map((c) => ({
      name: c.name,
      type: c.logical!,
      profile: dataset.columns.find((p) => p.name === c.name)!,
      distinct: passed('profile', 'unique', c.name),
      formats: FORMATS.filter((f) => passed(`format_${f}`, 'format', c.name)),
    })),
    skipped: physical.filter((c) => c.logical === undefined).map((c) => c.name),
  };
}

async function describe(target: Target, cwd: string, connections: Record<string, ConnectionDef>) {
  const registry = new ConnectionRegistry(connections, defaultOpeners(cwd));
  try {
    if ('table' in target) {
      const conn = await registry.get(target.connection);
      return await conn.describe({ kind: 'table', parts: target.table.split('.') });
    }
    const file = path.resolve(cwd, target.file);
    if (!existsSync(file)) {
      return {
        code: 'discover.not_found',
        message: `${target.file} does not exist`,
        expected: 'a data file, or schema.table with --connection',
        found: target.file,
      } satisfies Issue;
    }
    const ext = path.extname(file).toLowerCase();
    const format = FILE_FORMATS[ext];
    if (!format) {
      return {
        code: 'lifecycle.unsupported_data',
        message: `datacheck suggest reads CSV, TSV, JSON, NDJSON and Parquet files; ${target.file} is none of them`,
        expected: Object.keys(FILE_FORMATS).join(', '),
        found: ext || '(no extension)',
      } satisfies Issue;
    }
    const relation: SqlRelation = { kind: 'files', format, paths: [file], display: [target.file] };
    return await (await registry.files()).describe(relation);
  } catch (e) {
    if (isDatacheckError(e)) return e.issue;
    return {
      code: 'lifecycle.profile_failed',
      message: `cannot read ${'file' in target ? target.file : target.table}: ${(e as Error).message}`,
    } satisfies Issue;
  } finally {
    await registry.closeAll();
  }
}
