import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliIo } from '../io.js';
import type { TestOptions } from './test.js';
import { testCommand } from './test.js';

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
      setCode(await testCommand(file, opts, io));
    });
}
