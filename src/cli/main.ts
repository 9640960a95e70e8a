import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { VERSION } from '../version.js';
import type { CheckOptions } from './commands/check.js';
import type { BaselineSaveOptions } from './commands/baseline.js';
import type { PlanOptions } from './commands/plan.js';
import type { ImportDbtOptions } from './commands/import-dbt.js';
import type { HistoryOptions } from './commands/history.js';
import type { ReportOptions } from './commands/report.js';
import { addStandardCommands } from './commands/standards.js';
import { EXIT } from './exit-codes.js';
import { addLifecycleCommands } from './lifecycle-commands.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';
import { normalizeArgv } from './normalize-argv.js';
import { DIALECT_NAMES } from '../engines/sql/dialects/dialect-names.js';
import { REPORTERS } from '../reporters/registry.js';

const reporterHelp = () => `${Object.keys(REPORTERS).join(', ')} (default console); repeatable`;

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`expected a non-negative integer (0, 1, 2, ...), found '${value}'.`);
  return Number(value);
}

function positiveInteger(value: string): number {
  const n = nonNegativeInteger(value);
  if (n === 0) throw new InvalidArgumentError(`expected a positive integer (1, 2, ...), found '${value}'.`);
  return n;
}

/**
 * The command line, as a function: parses `argv` (the user's arguments, without node and the
 * script), runs, and returns the exit code. Only bin/datacheck.js touches the real process.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let code: number = EXIT.passed;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(normalizeArgv(argv), { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, successfully; everything else is a usage error.
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help'
        ? EXIT.passed
        : EXIT.error;
    }
    const err = e as Error;
    io.stderr.write(`datacheck: internal error: ${err?.message ?? String(e)}\n`);
    io.stderr.write(argv.includes('--debug') && err?.stack ? `${err.stack}\n` : 'run again with --debug to see the stack trace\n');
    return EXIT.error;
  }
}

/**
 * Each command's implementation is imported when that command runs: imported up front, `datacheck`
 * (the check run) also loaded the lifecycle and standards commands' libraries
 * (json-schema-to-typescript, ajv, yaml, semver: ~0.7 s of the CPU profile of a run on the
 * bundled example, bench/README.md).
 */
function buildProgram(io: CliIo, setCode: (code: number) => void): Command {
  const program = new Command('datacheck')
    .description('Check data against typed contracts and suites. Exit code: 0 passed, 1 a check failed, 2 the run could not be done.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run datacheck --help to see the options)');

  program
    .argument('[paths...]', 'contract/suite files, directories or globs (default: contracts/, checks/, models/)')
    .option('-c, --config <file>', 'config file (default: datacheck.config.ts when present)')
    .option('-r, --reporter <name>', reporterHelp(), collect)
    .option(
      '-o, --output-file <path>',
      "where a file reporter writes ('-' for stdout); with several, <reporter>=<path> or --output-file.<reporter>=<path>; defaults under reports/",
      collect,
    )
    .option('-f, --filter <dataset|check>', 'only these datasets, or checks whose id/title contains the text; repeatable', collect)
    .addOption(new Option('--fail-on <severity>', 'error: only failed checks fail the run; warn: warnings too').choices(['error', 'warn']))
    .option('--max-failing-rows <n>', 'failing rows kept per check (default 10)', nonNegativeInteger)
    .option('--no-typecheck', 'skip type-checking contract and suite files')
    .option(
      '--load-timeout <duration>',
      "how long one contract, suite or config file may take to load, e.g. '30s' (default; also DATACHECK_LOAD_TIMEOUT or loadTimeout in the config)",
    )
    .addOption(
      new Option(
        '--profile <level>',
        'column distributions for charts: full, or basic (nulls, min/max); default full with the html reporter',
      ).choices(['basic', 'full']),
    )
    .option('--dbt-project <dir>', 'the dbt project { dbt } sources resolve through (default: the working directory)')
    .option(
      '--profiles-dir <dir>',
      'the folder holding the dbt profiles.yml (default: DBT_PROFILES_DIR, the working directory, the project, ~/.dbt)',
    )
    .option('--target <name>', "the dbt target of the profile (default: DBT_TARGET, then the profile's target)")
    .option('--openlineage-required', 'exit 2 when the OpenLineage events cannot be delivered (default: a warning)')
    .option('--alerts-required', 'exit 2 when an alert of the config cannot be delivered (default: a warning)')
    .option('--no-history', 'neither read nor append the metric history (change and anomaly checks pass with a note)')
    .option('--verbose', 'list passing checks too')
    .option('--debug', 'print stack traces and timings')
    .action(async (paths: string[], opts: CheckOptions) => {
      // The loader's worker starts before the run's modules load, and loads alongside them on a
      // second core: its start-up was the `config` phase (~190 ms of ~1 s on the bundled example).
      const { loaderForRun } = await import('../prepare/run-loader.js');
      const runLoader = loaderForRun(io.cwd, opts.loadTimeout, io.env);
      runLoader.loader.start();
      try {
        setCode(await (await import('./commands/check.js')).checkCommand(paths, opts, io, runLoader));
      } finally {
        await runLoader.loader.close();
      }
    });

  program
    .command('report')
    .description('render a saved JSON result again (exit code: the saved run’s)')
    .argument('<results>', 'a JSON result written by --reporter json')
    .option('-r, --reporter <name>', reporterHelp(), collect)
    .option(
      '-o, --output-file <path>',
      'where a file reporter writes; with several, <reporter>=<path> or --output-file.<reporter>=<path>',
      collect,
    )
    .addOption(new Option('--fail-on <severity>', 'warn: warnings fail too').choices(['error', 'warn']))
    .option('--openlineage-required', 'exit 2 when the OpenLineage events cannot be delivered')
    .option('--verbose', 'list passing checks too')
    .option('--debug', 'print stack traces')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run datacheck report --help to see the options)')
    .action(async (file: string, opts: ReportOptions) => {
      setCode(await (await import('./commands/report.js')).reportCommand(file, opts, io));
    });

  program
    .command('plan')
    .description('print, per dataset, the engine, the metrics and the exact SQL, without running anything')
    .argument('[paths...]', 'contract/suite files, directories or globs (default: contracts/, checks/, models/)')
    .option('-c, --config <file>', 'config file (default: datacheck.config.ts when present)')
    .option('-f, --filter <dataset|check>', 'only these datasets, or checks whose id/title contains the text; repeatable', collect)
    .addOption(new Option('--dialect <name>', 'render the SQL for this dialect').choices(DIALECT_NAMES))
    .option(
      '-r, --reporter <name>',
      'the reporters the run would write (they decide the profile: html charts distributions); repeatable',
      collect,
    )
    .addOption(new Option('--profile <level>', 'column distributions: full (histograms, top values) or basic').choices(['basic', 'full']))
    .option('--dbt-project <dir>', 'the dbt project { dbt } sources resolve through (default: the working directory)')
    .option(
      '--profiles-dir <dir>',
      'the folder holding the dbt profiles.yml (default: DBT_PROFILES_DIR, the working directory, the project, ~/.dbt)',
    )
    .option('--target <name>', "the dbt target of the profile (default: DBT_TARGET, then the profile's target)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .action(async (paths: string[], opts: PlanOptions) => {
      setCode(await (await import('./commands/plan.js')).planCommand(paths, opts, io));
    });

  addLifecycleCommands(program, io, setCode);
  const importCmd = program.command('import').description('write contracts and suites from another tool’s definitions');
  importCmd
    .command('dbt')
    .description('write .contract.ts/.check.ts files from a dbt project’s schema.yml tests and model contracts')
    .argument('[project]', 'the dbt project folder (default: the working directory)')
    .option('--out <dir>', 'where the files go, mirroring the YAML files’ folders (default: the dbt project)')
    .option('--force', 'overwrite files that exist')
    .option('--profiles-dir <dir>', 'the folder holding profiles.yml (column types are read from the warehouse through it)')
    .option('--target <name>', 'the dbt target of the profile')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .action(async (project: string | undefined, opts: ImportDbtOptions) => {
      setCode(await (await import('./commands/import-dbt.js')).importDbtCommand(project, opts, io));
    });

  program
    .command('baseline')
    .description('baselines that drift checks compare against')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .command('save')
    .description(
      'write baselines/<dataset>.json per dataset: value counts, histograms with edges, quantiles, row count (pii columns: null count only)',
    )
    .argument('[paths...]', 'contract/suite files, directories or globs (default: contracts/, checks/, models/)')
    .option('-c, --config <file>', 'config file (default: datacheck.config.ts when present)')
    .option('-f, --filter <dataset>', 'only these datasets; repeatable', collect)
    .option('--dir <dir>', 'where the files go (default baselines/)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .action(async (paths: string[], opts: BaselineSaveOptions) => {
      setCode(await (await import('./commands/baseline.js')).baselineSaveCommand(paths, opts, io));
    });

  addStandardCommands(program, io, setCode, reporterHelp());
  program
    .command('history')
    .description("print the metric history's recent values and outcomes per check, with a small chart")
    .argument('[dataset]', 'only this dataset')
    .option('-c, --config <file>', 'config file (default: datacheck.config.ts when present); it names the store')
    .option('--check <id>', 'only this check (its id, as in the JSON result)')
    .option('--runs <n>', 'how many recent runs (default 20)', positiveInteger, 20)
    .option('--json', 'print the series as JSON')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .action(async (dataset: string | undefined, opts: HistoryOptions) => {
      setCode(await (await import('./commands/history.js')).historyCommand(dataset, opts, io));
    });

  return program;
}
