import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ContractDef } from '../../model/contract.js';
import type { Issue } from '../../model/issue.js';
import { loadContractFile, pickContract } from '../../lifecycle/load-contracts.js';
import { formatLocation, issueDetails, printable } from '../../reporters/format-value.js';
import type { CliIo } from '../io.js';

/** An issue on stderr as the lifecycle commands print it: `file:line:col message`, then expected/found/hint. */
export function printIssue(io: CliIo, issue: Issue, label = 'error'): void {
  const place = issue.location ? `${formatLocation(relativeLocation(io, issue.location), true)} ` : '';
  io.stderr.write(`${label}: ${place}${printable(issue.message)}\n`);
  for (const line of issueDetails(issue)) io.stderr.write(`  ${printable(line)}\n`);
}

function relativeLocation(io: CliIo, loc: NonNullable<Issue['location']>): NonNullable<Issue['location']> {
  if (!path.isAbsolute(loc.file)) return loc;
  const rel = path.relative(io.cwd, loc.file);
  return rel.startsWith('..') ? loc : { ...loc, file: rel };
}

/** The one contract a lifecycle command reads, or the issues already printed (the caller exits 2). */
export async function loadOneContract(spec: string, name: string | undefined, io: CliIo): Promise<ContractDef | undefined> {
  const loaded = await loadContractFile(spec, io.cwd);
  if (!loaded.ok) {
    for (const issue of loaded.issues) printIssue(io, issue);
    return undefined;
  }
  const picked = pickContract(loaded, name, spec);
  if ('code' in picked) {
    printIssue(io, picked);
    return undefined;
  }
  return picked;
}

/**
 * Writes a command's output to stdout, or to `--output <file>` (its folder made if needed). A
 * command never writes over the file it read from: that would lose the user's contract.
 */
export function writeOutput(io: CliIo, text: string, output: string | undefined, inputs: string[]): Issue | undefined {
  if (output === undefined || output === '-') {
    io.stdout.write(text);
    return undefined;
  }
  const target = path.resolve(io.cwd, output);
  if (inputs.some((i) => path.resolve(io.cwd, i) === target)) {
    return {
      code: 'lifecycle.output_is_input',
      message: `--output ${output} is the file being read: refusing to overwrite it`,
      expected: 'another output file',
      found: output,
    };
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  io.stderr.write(`written to ${path.relative(io.cwd, target) || output}\n`);
  return undefined;
}

/** For commands that create files (init, suggest): never write over one that exists. */
export function refuseExisting(io: CliIo, files: string[]): Issue | undefined {
  const existing = files.filter((f) => existsSync(path.resolve(io.cwd, f)));
  if (existing.length === 0) return undefined;
  return {
    code: 'lifecycle.file_exists',
    message: `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}: datacheck never overwrites a file`,
    expected: 'paths where no file exists yet (move or remove the file, or write elsewhere)',
    found: existing.join(', '),
  };
}
