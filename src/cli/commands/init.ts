import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SCAFFOLD } from '../../lifecycle/init/scaffold.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { printIssue, refuseExisting } from './lifecycle-io.js';

/**
 * `datacheck init`: a config, one contract, one suite and their data, which pass. If any of them
 * exists already nothing at all is written (half a scaffold beside the user's own files would be
 * worse than none), and the command says which files are in the way.
 */
export function initCommand(io: CliIo): number {
  const files = Object.keys(SCAFFOLD);
  const inTheWay = refuseExisting(io, files);
  if (inTheWay) {
    printIssue(io, inTheWay);
    return EXIT.error;
  }
  for (const file of files) {
    const target = path.join(io.cwd, file);
    mkdirSync(path.dirname(target), { recursive: true });
    // 'wx': fail rather than overwrite, should a file appear between the check and the write.
    writeFileSync(target, SCAFFOLD[file], { flag: 'wx' });
    io.stdout.write(`created ${file}\n`);
  }
  io.stdout.write('\nnext: npx datacheck   (checks data/orders.csv against contracts/orders.contract.ts and checks/orders.check.ts)\n');
  return EXIT.passed;
}
