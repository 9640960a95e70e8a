import type { Command } from 'commander';
import { Option } from 'commander';
import type { DiffOptions } from './commands/diff.js';
import type { ExportJsonSchemaOptions } from './commands/export.js';
import type { LintOptions } from './commands/lint.js';
import type { SuggestOptions } from './commands/suggest.js';
import type { TypesOptions } from './commands/types.js';
import type { CliIo } from './io.js';

/**
 * The contract lifecycle commands (export, types, diff, lint, init, suggest), registered from one
 * place so main.ts stays a list of the run's own commands.
 */
export function addLifecycleCommands(program: Command, io: CliIo, setCode: (code: number) => void): void {
  const sub = (name: string): Command =>
    program
      .command(name)
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
      .showHelpAfterError(`(run datacheck ${name} --help to see the options)`);

  const exporter = sub('export').description('write a contract in another format');
  exporter
    .command('jsonschema')
    .description('the JSON Schema of one row of a contract (types, nullability, allowed values, patterns, bounds)')
    .argument('<contract>', 'a .contract.ts file, or git:<ref>:<path>')
    .option('--contract <name>', 'which contract, when the file defines several')
    .addOption(new Option('--draft <version>', 'JSON Schema draft').choices(['2020-12', '07']).default('2020-12'))
    .option('-o, --output <file>', 'write here instead of stdout')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .action(async (file: string, opts: ExportJsonSchemaOptions) =>
      setCode(await (await import('./commands/export.js')).exportJsonSchemaCommand(file, opts, io)),
    );

  sub('types')
    .description("TypeScript row types for consumers, from a contract or from a row's JSON Schema file")
    .argument('<source>', 'a .contract.ts file, or a .json JSON Schema')
    .option('--contract <name>', 'which contract, when the file defines several')
    .option('--name <type>', 'the type name (default: from the contract name, e.g. OrdersRow)')
    .option('-o, --output <file>', 'write here instead of stdout')
    .action(async (file: string, opts: TypesOptions) => setCode(await (await import('./commands/types.js')).typesCommand(file, opts, io)));

  sub('diff')
    .description(
      'classify each change between two versions of a contract and check the semver bump (exit 1: a breaking change the version does not announce)',
    )
    .argument('<old>', 'a .contract.ts file, or git:<ref>:<path> (e.g. git:main:contracts/orders.contract.ts)')
    .argument('<new>', 'a .contract.ts file, or git:<ref>:<path>')
    .option('--contract <name>', 'which contract, when a file defines several')
    .addOption(
      new Option('--format <format>', 'text, or markdown for a pull-request comment').choices(['text', 'markdown']).default('text'),
    )
    .option('-o, --output <file>', 'write here instead of stdout')
    .action(async (before: string, after: string, opts: DiffOptions) =>
      setCode(await (await import('./commands/diff.js')).diffCommand(before, after, opts, io)),
    );

  sub('lint')
    .description(
      'find contradictions in contracts (min > max, a pattern the allowed values fail, a nullable key, a reference to an unknown dataset): exit 2',
    )
    .argument('[paths...]', 'contract files, directories or globs (default: those of a run)')
    .option('-c, --config <file>', 'config file (default: datacheck.config.ts when present)')
    .action(async (paths: string[], opts: LintOptions) => setCode(await (await import('./commands/lint.js')).lintCommand(paths, opts, io)));

  sub('init')
    .description('scaffold a config, one contract, one suite and their data, which pass (never overwrites a file)')
    .action(async () => setCode((await import('./commands/init.js')).initCommand(io)));

  sub('suggest')
    .description('profile a data file (CSV, JSON, NDJSON, Parquet) or a table and write a contract with the checks it passes')
    .argument('<data>', 'a data file, or schema.table with --connection')
    .option('--connection <name>', 'read <data> as a table of this connection of the config')
    .option('--name <dataset>', 'the contract name (default: from the file or table name)')
    .option('-o, --output <file>', "where to write (default contracts/<name>.contract.ts; '-' for stdout); never over an existing file")
    .option('-c, --config <file>', 'config file (default: datacheck.config.ts when present)')
    .action(async (data: string, opts: SuggestOptions) =>
      setCode(await (await import('./commands/suggest.js')).suggestCommand(data, opts, io)),
    );
}
