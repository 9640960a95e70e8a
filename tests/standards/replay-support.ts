import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main.js';
import type { RunResult } from '../../src/model/result.js';
import { sharedPath } from '../support/shared-dir.js';

/** The datacontract-cli case index (../shared/datasets/datacontract-cli/cases.json, see its README). */
export interface UpstreamCase {
  id: string;
  command: 'test' | 'lint' | 'import';
  contract?: string;
  server: string | null;
  options: Record<string, unknown>;
  expect: { result?: string; exit_code?: number; notes?: string };
}

export const UPSTREAM_DIR = sharedPath('datasets', 'datacontract-cli');
export const UPSTREAM_CASES: UpstreamCase[] = JSON.parse(readFileSync(`${UPSTREAM_DIR}/cases.json`, 'utf8')).cases;

/** Runs the real CLI in process from the upstream tests folder (contracts name their data relative to it). */
export async function runCli(args: string[], cwd = UPSTREAM_DIR): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    stdout: { write: (s: string) => ((out += s), true), isTTY: false } as never,
    stderr: { write: (s: string) => ((err += s), true) } as never,
  });
  return { code, out, err };
}

/** `datacheck test <contract> --reporter json -o -`: the exit code and the run result. */
export async function testContract(contract: string, server?: string | null): Promise<{ code: number; result: RunResult }> {
  const { code, out, err } = await runCli([
    'test',
    contract,
    ...(server ? ['--server', server] : []),
    '--reporter',
    'json',
    '--output-file',
    '-',
  ]);
  try {
    return { code, result: JSON.parse(out) as RunResult };
  } catch {
    throw new Error(`no JSON result (exit ${code}): ${out}${err}`);
  }
}
