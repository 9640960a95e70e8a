/** A dbt test as written in YAML, normalized: `unique`, `{ accepted_values: { values } }`, dbt 1.10's `{ name, test_name, arguments }`. */
export interface DbtTest {
  /** With its package: `not_null`, `dbt_utils.expression_is_true`, `dbt_expectations.expect_column_values_to_match_regex`. */
  name: string;
  args: Record<string, unknown>;
  severity?: 'error' | 'warn';
  where?: string;
  warnIf?: string;
  errorIf?: string;
  description?: string;
}

/** A model contract constraint (dbt 1.5+): column-level, or model-level with `columns`. */
export interface DbtConstraint {
  type: string;
  expression?: string;
  columns?: string[];
  to?: string;
  toColumns?: string[];
}

export interface DbtColumnSpec {
  name: string;
  description?: string;
  dataType?: string;
  /** `meta: { pii: true }` (or contains_pii / is_pii), or a `pii` tag: its values never leave the process. */
  pii: boolean;
  constraints: DbtConstraint[];
  tests: DbtTest[];
}

/** One model, seed, snapshot or source table documented in a YAML file, with its tests. */
export interface DbtNodeSpec {
  resourceType: 'model' | 'seed' | 'snapshot' | 'source';
  /** What `source: { dbt }` names: the model's name, or `source_name.table` for sources. */
  dbtName: string;
  /** The contract's name: the dbt name, or `source__table` for sources (dots would read as `dataset.column`). */
  dataset: string;
  /** The YAML file, relative to the project. */
  file: string;
  description?: string;
  enforced: boolean;
  columns: DbtColumnSpec[];
  tests: DbtTest[];
  constraints: DbtConstraint[];
  /** Source freshness: `loaded_at_field` and `warn_after`/`error_after`. */
  freshness?: { column: string; severity: 'error' | 'warn'; count: number; period: string };
}
