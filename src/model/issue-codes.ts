/**
 * Every issue code datacheck emits, with what it means. The codes are stable: reports, CI scripts
 * and users' own tooling match on them, so a code is renamed only with a CHANGELOG entry.
 * tests/model/issue-codes.test.ts scans src/ and fails on a code used there but missing here, or
 * listed here and never used.
 *
 * Codes are `area.what` in lower case (snake_case after the dot); the area says which layer found
 * the problem.
 */
export const ISSUE_CODES = {
  // --- loading the user's files (src/prepare)
  'config.not_found': { hint: 'the config file named by --config does not exist' },
  'config.invalid': { hint: 'a config option has the wrong type or value; the message names the key and what it accepts' },
  'config.unknown_key': { hint: 'the config has a key datacheck does not know (a typo?); the known keys are listed' },
  'discover.not_found': { hint: 'a path given on the command line does not exist' },
  'discover.nothing_found': { hint: 'no *.contract.ts or *.check.ts file was found where datacheck looked' },
  'load.no_export': { hint: 'a contract or suite file has no default export of defineContract/defineSuite' },
  'load.syntax_error': { hint: 'a contract, suite or config file does not parse' },
  'load.module_not_found': { hint: 'a contract, suite or config file imports a module that cannot be found' },
  'load.module_threw': { hint: 'a contract, suite or config file threw while it was being loaded' },
  typecheck: { hint: 'a contract or suite file does not type-check (a misspelt column, a statistic on the wrong type)' },

  // --- the programmatic API (src/api, datacheck/node)
  'api.invalid_options': { hint: 'run() was called with options that cannot mean anything (no absolute cwd, data for an unknown dataset)' },

  // --- what the user wrote (src/dsl, src/checks)
  'contract.invalid': { hint: 'defineContract was given something that is not a contract (no name, no columns, a bad source)' },
  'contract.invalid_option': { hint: 'a column modifier was given a value it cannot take' },
  'contract.duplicate_name': { hint: 'two contracts have the same name; dataset names must be unique' },
  'contract.no_source': { hint: 'a contract that is checked has no source to read its data from' },
  'suite.invalid': { hint: 'defineSuite was given something that is not a contract and a function returning checks' },
  'check.invalid_option': { hint: 'a check was given an option value it cannot take (a share outside 0..1, a bad duration)' },
  'check.unknown_option': { hint: 'a check was given an option it does not know (a typo?)' },
  'check.invalid_regex': { hint: 'a pattern given to matches/notMatches/pattern is not a valid regular expression' },
  'check.unsupported_value': { hint: 'a check was given a value that is not plain data (a function, a class instance)' },
  'check.unknown_kind': { hint: 'a check names a kind datacheck does not have (a result from a newer version?)' },
  'check.where_unsupported': { hint: 'this check kind cannot be filtered with .where()' },
  'check.plan': { hint: 'planning the metrics of a check failed; the message says why' },
  'history.unavailable': {
    hint: 'the metric history store could not be opened, read or written; change and anomaly checks end error, the run is not recorded',
  },
  'history.pii_value': {
    hint: 'a change or anomaly check tracks a value statistic of a pii column; only counts and shares of pii columns are kept',
  },
  'check.evaluate': { hint: 'judging a check from its metric values failed; a bug worth reporting' },

  // --- the filter language (src/expr and its compilers)
  'expr.syntax': { hint: 'a .where() filter does not parse; the column says where' },
  'expr.bad_literal': { hint: 'a literal in a filter (an interval, a number) is not valid' },
  'expr.regex': { hint: 'a regular expression in a filter is not valid' },
  'expr.arity': { hint: 'a function in a filter was called with the wrong number of arguments' },
  'expr.type': { hint: 'a filter combines values of types that do not go together (a string compared with a number)' },
  'expr.unknown_column': { hint: 'a filter names a column the dataset does not have' },
  'expr.unsupported_type': { hint: 'a filter reads a column whose type expressions cannot read (lists, structs, binary)' },

  // --- planning (src/plan) and the CLI's selection
  'filter.nothing_matched': { hint: '--filter matched no dataset and no check' },
  'plan.failed': { hint: '`datacheck plan` could not plan a dataset; the message says why' },

  // --- metrics and engines (src/engines, src/evaluate)
  'metric.invalid': { hint: 'a metric was asked for with parameters it cannot take (a histogram with no bins)' },
  'metric.missing': { hint: 'the engine returned no value for a metric a check needs; a bug worth reporting' },
  'metric.missing_column': { hint: 'a check names a column the data does not have' },
  'metric.too_many_values': {
    hint: 'the metric needs an exact count per distinct value (entropy, distinct values) and the column has more distinct values than it keeps',
  },
  'metric.unsupported_type': { hint: 'a statistic was asked of a column whose type it cannot read (a mean of strings)' },
  'engine.internal': { hint: 'computing a metric threw unexpectedly; a bug worth reporting, with --debug' },
  'engine.unsupported_metric': { hint: 'the engine reading this dataset cannot compute this metric' },
  'engine.threads': { hint: 'DATACHECK_THREADS is not a whole number of threads' },
  'engine.worker': { hint: 'a worker thread of the Arrow engine failed; DATACHECK_THREADS=1 computes on one thread' },

  // --- reading data (src/sources)
  'source.read': { hint: "a dataset's data could not be read; its checks did not run" },
  'source.not_found': { hint: 'no file matches the source path or glob' },
  'source.empty': { hint: 'the data file is empty (0 bytes, or a CSV without even a header)' },
  'source.io': { hint: 'the file exists but could not be read (permissions, a directory, a disk error)' },
  'source.invalid_gzip': { hint: 'a .gz file is not valid gzip' },
  'source.unknown_format': { hint: "the format cannot be told from the file's extension; set source.format" },
  'source.unsupported': {
    hint: 'this kind of source cannot be read this way (a table or dbt source given to the file readers, engine duckdb for JSON)',
  },
  'source.sql_only': { hint: 'a table or query source is read in SQL only; a metric that needs its rows cannot run' },
  'source.schema_conflict': { hint: 'the files of a glob give one column different types' },
  'csv.parse': { hint: 'the CSV tokenizer refused the file; the line is given' },
  'csv.ragged_row': { hint: 'a CSV row has more or fewer fields than the header' },
  'csv.unterminated_quote': { hint: 'a quoted CSV field is never closed' },
  'csv.duplicate_column': { hint: 'the CSV header names a column twice' },
  'json.parse': { hint: 'the JSON/NDJSON file is not valid JSON; the line is given' },
  'json.not_array': { hint: 'a .json file must hold a top-level array of objects' },
  'json.not_object': { hint: 'each row of a JSON/NDJSON file must be an object' },
  'memory.unsupported': { hint: 'source: { data } holds something that is not an array of rows, an Arrow Table or an arquero table' },
  'memory.not_object': { hint: 'each row of an in-memory row array must be an object; the row index is given' },
  'parquet.invalid': { hint: 'the file is not readable Parquet' },
  'arrow.invalid': { hint: 'the file is not a readable Arrow IPC file or stream' },
  'arrow.changed': { hint: 'an Arrow IPC file changed while it was being read' },

  // --- references between datasets (src/run)
  'reference.unknown_dataset': { hint: '.references() names a dataset no discovered contract has' },
  'reference.unknown_column': { hint: '.references() names a column the referenced dataset does not have' },
  'reference.no_source': { hint: 'the referenced contract has no source to read its keys from' },
  'reference.read': { hint: "the referenced dataset's keys could not be read" },
  'reference.too_many_keys': {
    hint: 'too many referenced keys to bind in one PostgreSQL query: put both datasets on one connection so the reference becomes an anti-join',
  },

  // --- reconciliation between datasets (src/access/plan-dataset-metrics.ts, src/checks/kinds/reconcile.ts, keys-match.ts)
  'reconcile.unknown_dataset': { hint: '.equalsDataset() or .matchDataset() names a dataset no discovered contract has' },
  'reconcile.no_source': { hint: 'the dataset a reconciliation compares with has no source to read' },
  'reconcile.read': { hint: 'the other side of a reconciliation could not be read' },
  'reconcile.too_many_keys': {
    hint: 'a key-set reconciliation holds both key sets in memory, and one side has more distinct keys than it keeps',
  },

  // --- file freshness (src/run/answer-dataset-metrics.ts)
  'freshness.not_a_file': { hint: 'file freshness needs a file source: a table or in-memory data has no modification time' },

  // --- drift against another dataset or a saved baseline (src/access, src/checks/kinds/drift.ts)
  'drift.unknown_dataset': { hint: '.drift() names a dataset no discovered contract has' },
  'drift.no_source': { hint: 'the dataset .drift() compares with has no source to read' },
  'drift.read': { hint: 'the reference distribution of a drift check could not be read (the other dataset or the baseline file)' },
  'drift.baseline_not_found': { hint: 'the baseline file a drift check names does not exist: run datacheck baseline save' },
  'drift.baseline_invalid': { hint: 'the baseline file is not one datacheck baseline save wrote; the JSON path says where' },
  'drift.baseline_column': {
    hint: 'the baseline file has no usable distribution of the column (not in it, or a pii column, which a baseline never holds)',
  },
  'drift.too_many_values': { hint: 'a drift check needs exact value counts, and one side has more distinct values than it keeps' },
  'drift.no_values': { hint: 'one side of a drift check has no non-null values, so there is no distribution to compare' },
  'drift.unsupported_type': { hint: 'this drift method does not apply to the column type (ks needs numbers or dates)' },

  // --- connections and SQL (src/run/connections.ts, src/engines/sql)
  // --- dbt projects (src/access/dbt, src/import/dbt)
  'dbt.no_project': {
    hint: 'no dbt_project.yml where the dbt project was looked for (--dbt-project, the config key dbt.project, or the working directory)',
  },
  'dbt.no_manifest': { hint: 'the dbt project has no target/manifest.json: run `dbt parse` (or `dbt build`) first' },
  'dbt.manifest_invalid': { hint: 'target/manifest.json is not a dbt manifest datacheck reads (not JSON, or not schema v12)' },
  'dbt.unknown_node': { hint: 'a { dbt } source names no model, seed, snapshot or source of the manifest (or several)' },
  'dbt.profile': {
    hint: 'the dbt profile could not be used: profiles.yml missing or invalid, no such profile or target, an unset env_var(), an adapter other than duckdb or postgres',
  },
  'dbt.yaml_invalid': { hint: 'a dbt YAML file (dbt_project.yml, profiles.yml, schema.yml) does not parse or has the wrong shape' },
  'connection.unknown': { hint: "a source names a connection the config's connections do not have" },
  'connection.invalid': { hint: 'a connection is missing something it needs (a duckdb connection without a path)' },
  'connection.unsupported': { hint: 'a connection is of a kind this build of datacheck cannot open' },
  'connection.config': { hint: 'a connection setting is wrong (a literal url, an unset urlEnv variable, conflicting TLS settings)' },
  'connection.failed': { hint: 'could not connect to the database, or lost the connection (network, authentication, server down)' },
  'connection.timeout': { hint: 'connecting timed out (connectTimeoutMs)' },
  'sql.unsupported': { hint: 'this check cannot be expressed exactly in this SQL dialect; it is an error rather than an approximation' },
  'sql.query': { hint: "the dataset's check query failed in the database" },
  'sql.error': { hint: 'the database refused a statement; the message is its own, without values' },
  'sql.timeout': { hint: 'a query ran past statementTimeoutMs and was cancelled on the server' },
  'sql.read_only': { hint: 'the statement would write; datacheck runs only read-only queries' },
  'sql.relation_not_found': { hint: 'the table or view a source names does not exist (or is not visible to the role)' },
  'reference.type_mismatch': {
    hint: 'the two columns of a reference have types whose values never match: declare both with the same type',
  },
  'sql.cast': { hint: "the engine could not convert a value to the column's type (the value is never quoted)" },
  'sql.out_of_range': { hint: 'a value or an aggregate is outside the range of its SQL type' },
  'sql.division_by_zero': { hint: 'the engine divided by zero in a filter or expression' },
  'sql.cancelled': { hint: 'the engine cancelled the query (a timeout, or the run was interrupted)' },
  'run.interrupted': {
    hint: 'the run was stopped (Ctrl-C, SIGTERM) while this query ran: it was cancelled on its server and no new one was sent',
  },
  'sql.data': { hint: 'the engine refused the data (a data exception; the engine text is dropped because it can quote values)' },
  'csv.invalid_utf8': { hint: 'the file has bytes that are not UTF-8 at the named line: re-encode it as UTF-8' },
  'load.exited': { hint: 'a file called process.exit() while loading: remove the call' },
  'load.timeout': {
    hint: 'a file did not finish loading within the load timeout (an endless loop or an await that never settles); set loadTimeout, --load-timeout or DATACHECK_LOAD_TIMEOUT',
  },
  'load.not_plain_data': { hint: 'a contract, suite or config exports a function or class instance: export plain values only' },
  // --- the contract lifecycle commands: export, types, diff, lint, init, suggest (src/lifecycle)
  'lifecycle.git_read': {
    hint: 'git:<ref>:<path> could not be read with git show: check the ref and the path (relative to the repository root)',
  },
  'lifecycle.no_contract': { hint: 'the file defines no contract, or none with the name given by --contract' },
  'lifecycle.several_contracts': { hint: 'the file defines several contracts: choose one with --contract <name>' },
  'lifecycle.output_is_input': { hint: '--output names the file being read: choose another file' },
  'lifecycle.file_exists': { hint: 'datacheck never overwrites a file: move it away or write elsewhere' },
  'lint.empty_bound': { hint: 'the lower bound is above the upper bound: no value could pass' },
  'lint.nullable_key': { hint: 'a primary key column is marked .nullable(): a key is never null, so drop .nullable() or the key' },
  'lint.pattern_rejects_allowed': {
    hint: "the column's pattern rejects some of its allowed values: those values could never pass both checks",
  },
  'lint.allowed_outside_bounds': {
    hint: "some allowed values lie outside the column's min/max or length: they could never pass both checks",
  },
  'lint.unknown_reference': { hint: '.references() names a dataset or column no contract of the project has' },
  'lifecycle.unsupported_data': {
    hint: 'datacheck suggest reads CSV, TSV, JSON, NDJSON and Parquet files, or a table of a connection (--connection)',
  },
  'lifecycle.profile_failed': { hint: 'the data could not be profiled: the message says why (unreadable file, unknown table)' },
  'lifecycle.invalid_json_schema': { hint: 'datacheck types reads the JSON Schema of one row: an object schema with properties' },
  'standard.yaml_syntax': { hint: 'an ODCS or Data Contract Specification file is not valid YAML at the named line' },
  'standard.schema_invalid': { hint: "the contract breaks the standard's JSON Schema at the named JSON path and line" },
  'standard.schema_missing': {
    hint: 'the official JSON Schema of the standard was not found: set DATACHECK_STANDARD_SCHEMAS to the folder holding it',
  },
  'standard.unsupported': {
    hint: 'the contract uses a part of the standard datacheck cannot check (named in the message); it is not skipped silently',
  },
  'standard.unknown_server': { hint: '--server names a server the contract does not declare' },
  'standard.unreadable': { hint: 'the ODCS or Data Contract Specification file named on the command line cannot be read' },
} as const satisfies Record<string, { hint: string }>;

/** A stable machine code of an Issue: one of ISSUE_CODES. */
export type IssueCode = keyof typeof ISSUE_CODES;
