import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliIo } from '../io.js';
import type { ExportOdcsOptions } from './export-odcs.js';
import type { ImportOptions } from './import.js';
import type { TestOptions } from './test.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** The open-standard commands (ODCS, Data Contract Specification): test, import, export. Kept apart from main.ts. */
export function addStandardCommands(program: Command, io: CliIo, setCode: (code: number) => void, reporterHelp: string): void {
  const sub = (name: string) =>
    program
      .command(name)
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
      .showHelpAfterError(`(run datacheck ${name} --help to see the options)`);

  sub('test')
    .description('check the data an ODCS (v3.0, v3.1) or Data Contract Specification file points at, against that contract')
    .argument('<contract>', 'a contract file, e.g. orders.odcs.yaml')
    .option('-s, --server <name>', "the contract's server to read (default: its first)")
    .option('-r, --reporter <name>', reporterHelp, collect)
    .option('-o, --output-file <path>', 'where a file reporter writes; with several, <reporter>=<path>', collect)
    .addOption(new Option('--fail-on <severity>', 'warn: warnings fail the run too').choices(['error', 'warn']))
    .option('--max-failing-rows <n>', 'failing rows kept per check (default 10)', (v) => Number(v))
    .option('--openlineage-required', 'exit 2 when the OpenLineage events cannot be delivered')
    .option('--verbose', 'list passing checks too')
    .option('--debug', 'print stack traces')
    .action(async (file: string, opts: TestOptions) => {
      setCode(await (await import('./test.js')).testCommand(file, opts, io));
    });

  // `export` is the lifecycle commands' parent (export jsonschema): odcs is one more format under it.
  const exporter = program.commands.find((c) => c.name() === 'export') ?? sub('export').description('write a contract in another format');
  exporter
    .command('odcs')
    .description('an Open Data Contract Standard (v3.1.0) document of a contract, with the suite checks ODCS can express')
    .argument('<contract>', 'a .contract.ts file')
    .option('-c, --config <file>', 'config file (its connections name the server)')
    .option('-o, --output <file>', 'write here instead of stdout')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .action(async (file: string, opts: ExportOdcsOptions) => {
      setCode(await (await import('./export-odcs.js')).exportOdcsCommand(file, opts, io));
    });

  // `import` is also the dbt importer's parent (import dbt): odcs and dcs are two more formats under it.
  const importer =
    program.commands.find((c) => c.name() === 'import') ?? sub('import').description('write contracts and suites from another format');
  for (const [format, what] of [
    ['odcs', 'an Open Data Contract Standard (v3.0, v3.1) file'],
    ['dcs', 'a Data Contract Specification file'],
  ] as const) {
    importer
      .command(format)
      .description(`write .contract.ts (and .check.ts) files from ${what}`)
      .argument('<file>', 'the contract file, e.g. orders.odcs.yaml')
      .option('-d, --out-dir <dir>', 'project folder to write contracts/ and checks/ into (default .)')
      .option('-s, --server <name>', 'the server whose location becomes the source (default: the first)')
      .option('--force', 'overwrite existing files')
      .exitOverride()
      .configureOutput({ writeOut: (t) => io.stdout.write(t), writeErr: (t) => io.stderr.write(t) })
      .action(async (file: string, opts: ImportOptions) => {
        setCode(await (await import('./import.js')).importCommand(format, file, opts, io));
      });
  }
}
