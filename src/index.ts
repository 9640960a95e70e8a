/** The public surface of datacheck: what contract and suite files import. */
export { col } from './dsl/col.js';
export { Column } from './dsl/column.js';
export type { AnyColumn, Family, BoundInput } from './dsl/column.js';
export { defineContract } from './dsl/define-contract.js';
export type { Contract, ContractInput, Duration, RowOf } from './dsl/define-contract.js';
export { defineSuite } from './dsl/define-suite.js';
export type { SuiteBuilder } from './dsl/define-suite.js';
export type { ColumnChecksFor, SuiteValue } from './dsl/column-checks.js';
export { SuiteCheck, MetricBound } from './dsl/suite-check.js';
export { defineConfig } from './config.js';
export type * from './model/index.js';
export { DatacheckError } from './model/issue.js';
