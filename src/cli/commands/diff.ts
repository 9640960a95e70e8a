import { compareContracts } from '../../lifecycle/diff/compare-contracts.js';
import type { ContractDiff } from '../../lifecycle/diff/render-diff.js';
import { renderDiffMarkdown, renderDiffText, unannouncedBreaking } from '../../lifecycle/diff/render-diff.js';
import { checkVersionBump } from '../../lifecycle/diff/version-bump.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { loadOneContract, printIssue, writeOutput } from './lifecycle-io.js';

export interface DiffOptions {
  contract?: string;
  format: 'text' | 'markdown';
  output?: string;
}

/**
 * `datacheck diff <old> <new>`: each change between two versions of a contract, classified, and
 * whether the version bump announces them. Exit 1 on a breaking change the version does not
 * announce, 2 when either side cannot be loaded, else 0.
 */
export async function diffCommand(before: string, after: string, opts: DiffOptions, io: CliIo): Promise<number> {
  const old = await loadOneContract(before, opts.contract, io);
  const now = old && (await loadOneContract(after, opts.contract ?? old.name, io));
  if (!old || !now) return EXIT.error;
  const changes = compareContracts(old, now);
  const diff: ContractDiff = {
    contract: now.name,
    beforeLabel: before,
    afterLabel: after,
    changes,
    version: checkVersionBump(old.version, now.version, changes),
  };
  const text = opts.format === 'markdown' ? renderDiffMarkdown(diff) : renderDiffText(diff);
  const problem = writeOutput(io, text, opts.output, [before, after]);
  if (problem) {
    printIssue(io, problem);
    return EXIT.error;
  }
  return unannouncedBreaking(diff) ? EXIT.failed : EXIT.passed;
}
