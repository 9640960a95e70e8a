import type { SqlRelation } from '../engines/sql/sql-connection.js';
import type { ConnectionDef } from '../model/config.js';
import type { ContractDef, InMemorySource, SourceDef } from '../model/contract.js';
import { DatacheckError, isDatacheckError } from '../model/issue.js';
import type { Issue } from '../model/issue.js';
import type { DatasetLocation } from '../model/result.js';
import { describeSource } from '../sources/describe-source.js';
import { detectFormat } from '../sources/detect-format.js';
import { classifyInMemory } from '../sources/in-memory-data.js';
import { resolveFiles } from '../sources/resolve-files.js';
import type { ResolvedFile } from '../sources/resolve-files.js';
import { sourceError } from '../sources/source-error.js';
import { fileSourceNames } from '../sources/source-names.js';
import type { DbtResolution } from './dbt/dbt-resolution.js';
import { findRelation } from './dbt/manifest.js';
import { csvGoesToDuckdb, csvRelation } from './duckdb-files.js';

type FileSource = Extract<SourceDef, { file: unknown }>;
type DataSource = InMemorySource;

/** The name under which the run's in-memory DuckDB (the one that scans files) is planned and opened. */
export const FILES_CONNECTION = 'duckdb://memory';

/** What every read plan says about the dataset, whichever engine reads it. */
interface ReadBase {
  /** Human-readable, credential-free: `fixtures/orders.csv`, `data/*.parquet (3 files)`, `wh:sales.orders`. */
  description: string;
  /** Why this engine: printed by `datacheck plan`. */
  why: string;
  /** The matched files, for file sources (listed and sized, never read). */
  files?: ResolvedFile[];
  /** Lineage identity when known before connecting (files); tables get theirs from the connection. */
  location?: DatasetLocation;
}

/**
 * How one dataset is read: decided once, before anything is opened, from the source definition,
 * the config's connections and the listed files. The run opens exactly this (access/open-dataset.ts)
 * and `datacheck plan` prints exactly this.
 */
export type ReadPlan =
  /** Streamed through datacheck's own readers into Arrow batches (in-memory data has no files). */
  | (ReadBase & { engine: 'arrow'; source: FileSource | DataSource; files: ResolvedFile[] })
  /**
   * Read where it lives, by SQL. `connection` is a config connection's name, or FILES_CONNECTION
   * for files DuckDB scans. `typedCsv`: the relation is CSV read as text, typed by the contract's
   * parse rules in a view built when the header is known (at open).
   */
  | (ReadBase & {
      engine: 'sql';
      connection: string;
      dialect: ConnectionDef['kind'];
      relation: SqlRelation;
      typedCsv?: boolean;
      /** `arrow`: metrics SQL cannot express stream through the Arrow readers of the same files. */
      fallback?: 'arrow';
      source: SourceDef;
    })
  /** Cannot be read at all: the issue every check of the dataset reports. */
  | (ReadBase & { engine: 'none'; issue: Issue });

export interface ReadContext {
  /** The config's named connections (never opened here). */
  connections: Record<string, ConnectionDef>;
  /** Directory relative source paths resolve against (the config file's folder, or the working directory). */
  baseDir: string;
  /** The run's dbt project, when a contract has a `{ dbt }` source. */
  dbt?: DbtResolution | undefined;
}

/**
 * Decides how a dataset is read. Never reads a row and never opens a connection: files are only
 * listed (glob, stat), so `datacheck plan` can call it with nothing running. Problems (no source,
 * no file matched, unknown connection) become an `engine: 'none'` plan carrying the issue.
 */
export async function decideRead(contract: ContractDef, ctx: ReadContext): Promise<ReadPlan> {
  const source = contract.source;
  if (!source) {
    const issue: Issue = {
      code: 'contract.no_source',
      message: `contract '${contract.name}' has no source`,
      location: contract.location,
      expected: "source: { file: 'data/orders.csv' }",
      found: 'no source',
    };
    return { engine: 'none', description: 'no source', why: 'the contract has no source', issue };
  }
  try {
    if ('table' in source || 'query' in source) return tableRead(source, ctx);
    if ('data' in source) return memoryRead(source, contract);
    if ('dbt' in source) return dbtRead(source, ctx);
    return await fileRead(source, contract, ctx);
  } catch (e) {
    const issue: Issue = isDatacheckError(e)
      ? e.issue
      : { code: 'source.read', message: `could not read the data of '${contract.name}': ${(e as Error)?.message ?? String(e)}` };
    return { engine: 'none', description: describeSource(source), why: issue.message, issue };
  }
}

function tableRead(source: Extract<SourceDef, { connection: string }>, ctx: ReadContext): ReadPlan {
  const description = 'table' in source ? `${source.connection}:${source.table}` : `${source.connection}:query`;
  const def = ctx.connections[source.connection];
  if (!def) {
    const names = Object.keys(ctx.connections);
    throw new DatacheckError({
      code: 'connection.unknown',
      message: `no connection named '${source.connection}' in the config`,
      expected: names.length ? `one of ${names.join(', ')}` : 'a `connections` entry in datacheck.config.ts',
      found: source.connection,
    });
  }
  const relation: SqlRelation =
    'table' in source ? { kind: 'table', parts: source.table.split('.') } : { kind: 'query', sql: source.query };
  // A table or query stays in its database: there is no row stream to fall back on.
  return {
    engine: 'sql',
    connection: source.connection,
    dialect: def.kind,
    relation,
    source,
    description,
    why: `a ${'table' in source ? 'table' : 'query'} of connection '${source.connection}' is read where it lives`,
  };
}

/** Data the program holds is checked where it is, by the Arrow engine: there is no file to hand to DuckDB. */
function memoryRead(source: DataSource, contract: ContractDef): ReadPlan {
  classifyInMemory(source.data, contract.name); // an unusable value is refused now, before anything runs
  return { engine: 'arrow', source, files: [], description: describeSource(source), why: 'in-memory data is read by the Arrow engine' };
}

/** A dbt model, seed, snapshot or source: its relation from the manifest, read in SQL on the profile's target. */
function dbtRead(source: Extract<SourceDef, { dbt: string }>, ctx: ReadContext): ReadPlan {
  if (!ctx.dbt) {
    throw new DatacheckError({
      code: 'dbt.no_project',
      message: `dbt: '${source.dbt}' needs a dbt project, and none was given`,
      expected: '--dbt-project <dir>, or dbt: { project } in datacheck.config.ts',
      found: 'no dbt project',
    });
  }
  if (!ctx.dbt.ok) throw new DatacheckError(ctx.dbt.issue);
  const { project } = ctx.dbt;
  const relation = findRelation(project.manifest, source.dbt);
  const { def, profile, target } = project.connection;
  return {
    engine: 'sql',
    connection: project.connectionName,
    dialect: def.kind,
    relation: { kind: 'table', parts: relation.parts },
    source,
    description: `dbt:${source.dbt} (${relation.parts.join('.')})`,
    why: `the dbt ${relation.resourceType} ${relation.uniqueId} is read where dbt built it, on target '${target}' of profile '${profile}' (${def.kind})`,
  };
}

async function fileRead(source: FileSource, contract: ContractDef, ctx: ReadContext): Promise<ReadPlan> {
  const patterns = Array.isArray(source.file) ? source.file : [source.file];
  const files = await resolveFiles(patterns, ctx.baseDir);
  const base = { ...fileSourceNames(patterns, files, ctx.baseDir), files };
  const arrow = (why: string): ReadPlan => ({ engine: 'arrow', source, ...base, why });
  const duckdb = (relation: SqlRelation, why: string, typedCsv = false): ReadPlan => ({
    engine: 'sql',
    connection: FILES_CONNECTION,
    dialect: 'duckdb',
    relation,
    source,
    ...base,
    why,
    ...(typedCsv && { typedCsv: true }),
    ...(source.fallback === 'arrow' && { fallback: 'arrow' as const }),
  });
  if (source.engine === 'arrow') return arrow("the source says engine: 'arrow'");
  const formats = files.map((f) => detectFormat(f.display, source.format));
  const paths = files.map((f) => f.absolute);
  // Parquet: typed files DuckDB reads faster than they decode into Arrow, and beyond memory.
  if (formats.every((f) => f.format === 'parquet' && !f.gzip)) {
    return duckdb(
      {
        kind: 'files',
        format: 'parquet',
        paths,
        display: files.map((f) => f.display),
        ...(paths.length > 1 && { options: { union_by_name: true } }),
      },
      'Parquet files are scanned by DuckDB',
    );
  }
  const kinds = [...new Set(formats.map((f) => f.format))].join(', ');
  if (formats.every((f) => f.format === 'csv' || f.format === 'tsv')) {
    if (csvGoesToDuckdb(source, files)) {
      const why = source.engine === 'duckdb' ? "the source says engine: 'duckdb'" : `${kinds} of 64 MiB or more is scanned by DuckDB`;
      const relation = await csvRelation(source, files, contract);
      if (relation) return duckdb(relation, `${why}, through a view typed by the contract`, true);
      return arrow(`${kinds} with mixed line endings is read by datacheck's own reader (DuckDB's reader refuses them)`);
    }
    return arrow(`${kinds} under 64 MiB is read by datacheck's own reader (failing rows keep their source lines)`);
  }
  if (source.engine === 'duckdb') {
    throw sourceError(
      'source.unsupported',
      files[0].display,
      "engine: 'duckdb' reads Parquet and CSV files; this source has other formats",
      {
        expected: '.parquet or .csv/.tsv files',
        found: kinds,
        hint: "remove `engine: 'duckdb'` to read them with datacheck's own readers",
      },
    );
  }
  return arrow(`${kinds} files are read by datacheck's own readers`);
}
