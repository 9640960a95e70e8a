// The layers of docs/architecture.md, enforced: `npm run lint:boundaries` fails on an import that
// crosses them the wrong way. Type-only imports count too (a reporter that imports a type from
// src/checks is coupled to it all the same). Tests, scripts and bench may import anything.
//
// Violations that exist today and are being removed by other work are listed, file by file, in
// .dependency-cruiser-known-violations.json and ignored (`--ignore-known`); every other import that
// breaks a rule fails. `npm run lint:boundaries:all` shows them all. When the work that removes one
// merges, delete its entries from that file (or regenerate it: `npx depcruise-baseline src bin
// --config .dependency-cruiser.cjs`, after checking the remaining list is what you expect).

/** Our top-level folders, for the "imports nothing else of ours" rules. */
const OURS = '^src/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle makes two files one unit that cannot be understood, tested or moved apart. A cycle made only of type imports is harmless at run time and allowed.',
      from: { path: OURS },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'model-imports-nothing',
      severity: 'error',
      comment: 'src/model holds the plain types every layer shares; it imports nothing else of ours, so any layer can use it.',
      from: { path: '^src/model/' },
      to: { path: OURS, pathNot: '^src/model/' },
    },
    {
      name: 'dsl-imports-model-only',
      severity: 'error',
      comment:
        "The DSL builds plain definitions (model types); it may use the checks' id rules and the package root, never the machinery that runs them.",
      from: { path: '^src/dsl/' },
      to: { path: '^src/(engines|sources|run|cli|reporters|evaluate|plan|prepare|openlineage|expr)/' },
    },
    {
      name: 'checks-never-import-engines',
      severity: 'error',
      comment:
        'A check kind names the metrics it needs and judges their values; how metrics are computed (engines, sources) and what happens to results (run, cli, reporters) is not its business.',
      from: { path: '^src/checks/' },
      to: { path: '^src/(engines|sources|run|cli|reporters|prepare)/' },
    },
    {
      name: 'engines-compute-metrics-not-checks',
      severity: 'error',
      comment:
        'Engines implement metrics, never checks: they may read sources, model and the filter language, not check kinds, evaluation, the runner, the CLI or reporters.',
      from: { path: '^src/engines/' },
      to: { path: '^src/(checks|evaluate|run|cli|reporters|prepare|dsl)/' },
    },
    {
      name: 'sources-below-run-and-sql-engine',
      severity: 'error',
      comment:
        'Sources open data and describe how it can be read; deciding which engine reads it belongs to the pipeline (src/run, src/plan), and SQL text to src/engines/sql. Known violations today: see .dependency-cruiser-known-violations.json (removed by the pipeline work).',
      from: { path: '^src/sources/' },
      to: { path: '^src/(run|engines/sql)/' },
    },
    {
      name: 'reporters-read-only-the-result',
      severity: 'error',
      comment:
        'Reporters read only RunResult (src/model), so any report can be rendered again from a saved JSON result. Allowed besides: their own helpers, the OpenLineage client, and the one definition of the pii mask (src/evaluate/mask-pii.ts, a leaf over model types).',
      from: { path: '^src/reporters/' },
      to: { path: OURS, pathNot: '^src/(reporters|model|openlineage)/|^src/evaluate/mask-pii[.]ts$' },
    },
    {
      name: 'pii-detectors-import-model-only',
      severity: 'error',
      comment:
        'src/pii holds the personal-data detectors both the Arrow engine and the SQL engine run (and the DSL validates options with): pure functions of a string, so they import only model types, never a layer.',
      from: { path: '^src/pii/' },
      to: { path: OURS, pathNot: '^src/(pii|model)/' },
    },
    {
      name: 'openlineage-client-standalone',
      severity: 'error',
      comment:
        'datacheck/openlineage is a standalone OpenLineage client, published as its own entry point: it imports nothing else of ours.',
      from: { path: '^src/openlineage/' },
      to: { path: OURS, pathNot: '^src/openlineage/' },
    },
    {
      name: 'evaluate-is-pure',
      severity: 'error',
      comment:
        'Evaluation is pure functions from check definitions and metric values to results: it may use checks, model, plan and the filter language printer, never engines, sources, the runner, the CLI or reporters.',
      from: { path: '^src/evaluate/' },
      to: { path: '^src/(engines|sources|run|cli|reporters|prepare|dsl)/' },
    },
    {
      name: 'alerts-read-only-the-result',
      severity: 'error',
      comment: 'src/alerts sends a summary of a finished run: like a reporter it reads only RunResult and the config types (src/model).',
      from: { path: '^src/alerts/' },
      to: { path: OURS, pathNot: '^src/(alerts|model)/' },
    },
    {
      name: 'history-store-below-run',
      severity: 'error',
      comment:
        'src/history keeps metric values and outcomes in a store (DuckDB, PostgreSQL): it reads and writes plain model data with the drivers, and knows nothing of checks, evaluation, the runner, the CLI or reporters.',
      from: { path: '^src/history/' },
      to: { path: '^src/(checks|evaluate|plan|run|cli|reporters|prepare|dsl|sources|access)/' },
    },
    {
      name: 'only-cli-reaches-cli',
      severity: 'error',
      comment: 'src/cli is the top: it reads argv and sets the exit code. Nothing in src imports it (bin/ starts it from dist/).',
      from: { path: OURS, pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'src-never-imports-tests',
      severity: 'error',
      comment: 'Shipped code cannot depend on the test tree, which is not in the package.',
      from: { path: '^(src|bin)/' },
      to: { path: '^(tests|bench|scripts)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that cannot be resolved is a missing dependency or a typo.',
      from: { path: OURS },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['/generated/', '(^|/)fixtures/'] },
    // type-only imports are dependencies too (see the top of this file)
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
