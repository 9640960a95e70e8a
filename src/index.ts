/**
 * The public surface of datacheck: what contract, suite and config files import, and the types of
 * what a run produces. Every export is listed by name (no `export *`), so an internal type never
 * becomes public API by being added to src/model; add one here on purpose, with a CHANGELOG entry.
 */

// Writing contracts and suites (src/dsl)
export { col } from './dsl/col.js';
export { Column } from './dsl/column.js';
export type { AnyColumn, Family, BoundInput } from './dsl/column.js';
export { defineContract } from './dsl/define-contract.js';
export type { Contract, ContractInput, Duration, RowOf } from './dsl/define-contract.js';
export { defineSuite } from './dsl/define-suite.js';
export type { SuiteBuilder } from './dsl/define-suite.js';
export type { ColumnChecksFor, SuiteValue } from './dsl/column-checks.js';
export { SuiteCheck, MetricBound } from './dsl/suite-check.js';

// The config (defined once, in src/config.ts; also `datacheck/config`)
export { defineConfig } from './config.js';
export type { ConfigInput, FileReporterOptions, ReporterName, ReporterOptionsByName, TypedReporterSpec } from './config.js';
export type { ConfigDef, ConnectionDef, ConnectionKind, ReporterSpec, TlsOptions } from './model/config.js';

// Definitions as plain data (src/model)
export type {
  ColumnDef,
  ContractDef,
  CsvOptions,
  FileFormat,
  FreshnessDef,
  LogicalType,
  Scalar,
  SourceDef,
  StringFormat,
  TimeUnit,
} from './model/contract.js';
export type { Bound, CheckDef, RowCheckOptions, Severity } from './model/check.js';
export type { SuiteDef } from './model/suite.js';

// What a run produces: the saved JSON result (`--reporter json`, `datacheck report`)
export { RESULT_SCHEMA_VERSION } from './model/result.js';
export type {
  CheckResult,
  ColumnProfile,
  DatasetLocation,
  DatasetResult,
  Outcome,
  RunContext,
  RunOutcome,
  RunResult,
} from './model/result.js';
export type { FailingRow } from './model/metric.js';

// Problems, as values
export { DatacheckError, isDatacheckError } from './model/issue.js';
export type { Issue, SourceLocation } from './model/issue.js';
export { ISSUE_CODES } from './model/issue-codes.js';
export type { IssueCode } from './model/issue-codes.js';
