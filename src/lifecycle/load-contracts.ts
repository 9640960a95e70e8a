import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ContractDef } from '../model/contract.js';
import type { Issue } from '../model/issue.js';
import { createLoader, loadUserFiles } from '../prepare/load.js';

const run = promisify(execFile);

/** What one contract file held, or why it could not be read. */
export type LoadedContracts = { ok: true; contracts: ContractDef[]; file: string } | { ok: false; issues: Issue[] };

/**
 * Loads the contracts of one file the way a run does (the isolated loader, the DSL's own
 * validation), for the lifecycle commands that read a single contract (export, types, diff, lint).
 * `git:<ref>:<path>` reads the file as it was at that commit (`git show`), from a temp copy that is
 * removed afterwards; its locations are given back as `git:<ref>:<path>`.
 */
export async function loadContractFile(spec: string, cwd: string): Promise<LoadedContracts> {
  const git = parseGitSpec(spec);
  if (!git) {
    const file = path.resolve(cwd, spec);
    if (!existsSync(file)) {
      return {
        ok: false,
        issues: [
          {
            code: 'discover.not_found',
            message: `${spec} does not exist`,
            expected: 'a contract file (.contract.ts), or git:<ref>:<path>',
            found: spec,
          },
        ],
      };
    }
    return loadFrom(file, cwd, spec);
  }
  let text: string;
  try {
    text = (await run('git', ['show', `${git.ref}:${git.path}`], { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? (e as Error).message).trim();
    return {
      ok: false,
      issues: [
        {
          code: 'lifecycle.git_read',
          message: `cannot read ${spec}: ${stderr.split('\n')[0]}`,
          expected: 'git:<ref>:<path> naming a file at a commit of the repository around the current folder',
          found: spec,
        },
      ],
    };
  }
  // The copy keeps the file's name (so `.contract.ts` loads as TypeScript), in a folder of its own.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-git-'));
  const copy = path.join(dir, path.basename(git.path));
  try {
    writeFileSync(copy, text);
    const loaded = await loadFrom(copy, cwd, spec);
    return relocate(loaded, copy, spec);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `git:<ref>:<path>`, where the ref may itself hold no colon (HEAD~1, main, v1.2.0, a sha). */
export function parseGitSpec(spec: string): { ref: string; path: string } | undefined {
  const m = /^git:([^:]+):(.+)$/.exec(spec);
  return m ? { ref: m[1], path: m[2] } : undefined;
}

async function loadFrom(file: string, cwd: string, shown: string): Promise<LoadedContracts> {
  const loader = createLoader({ projectRoot: cwd });
  const loaded = await loadUserFiles([file], { cwd, loader });
  if (loaded.issues.length > 0) return { ok: false, issues: loaded.issues };
  if (loaded.contracts.length === 0) {
    return {
      ok: false,
      issues: [
        {
          code: 'lifecycle.no_contract',
          message: `${shown} defines no contract`,
          expected: 'a file exporting defineContract(...)',
          found: shown,
        },
      ],
    };
  }
  return { ok: true, contracts: loaded.contracts, file };
}

/** Every location inside the temp copy points back at the `git:` spec the user named. */
function relocate(loaded: LoadedContracts, copy: string, spec: string): LoadedContracts {
  const swap = <T>(value: T): T =>
    JSON.parse(
      JSON.stringify(value, (k, v) => (typeof v === 'bigint' ? { __bigint: String(v) } : k === 'file' && v === copy ? spec : v)),
      (_k, v) => (v && typeof v === 'object' && '__bigint' in v ? BigInt(v.__bigint) : v),
    ) as T;
  if (!loaded.ok) return { ok: false, issues: swap(loaded.issues).map((i) => ({ ...i, message: i.message.split(copy).join(spec) })) };
  return { ok: true, contracts: swap(loaded.contracts), file: spec };
}

/** The one contract of a file, or an issue when it holds several and none was chosen by name. */
export function pickContract(loaded: Extract<LoadedContracts, { ok: true }>, name: string | undefined, shown: string): ContractDef | Issue {
  const names = loaded.contracts.map((c) => c.name);
  if (name !== undefined) {
    return (
      loaded.contracts.find((c) => c.name === name) ?? {
        code: 'lifecycle.no_contract',
        message: `${shown} has no contract named '${name}'`,
        expected: `one of ${names.join(', ')}`,
        found: name,
      }
    );
  }
  if (loaded.contracts.length === 1) return loaded.contracts[0];
  return {
    code: 'lifecycle.several_contracts',
    message: `${shown} defines ${names.length} contracts: name one with --contract`,
    expected: `--contract ${names.join(' | ')}`,
    found: names.join(', '),
  };
}
