import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** Helpers for running the real CLI, as a user does, in throwaway project directories. */
export const root = path.resolve(__dirname, '../..');
export const bin = path.join(root, 'bin/datacheck.js');
export const fixtures = path.join(root, 'tests/fixtures/cli');

/** A copy of a fixture project (tests/fixtures/cli/<name>) in a fresh temp directory. */
export function project(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `datacheck-e2e-${name}-`));
  cpSync(path.join(fixtures, name), dir, { recursive: true });
  return dir;
}

/** A fresh temp project made of the given files (path -> contents). */
export function projectOf(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-e2e-'));
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), contents);
  }
  return dir;
}

/** A copy of the bundled example in a temp directory, so its history never lands in the repository. */
export function bundledExample(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-history-'));
  for (const f of ['checks', 'contracts', 'fixtures', 'baselines', 'dbt', 'datacheck.config.ts', 'tsconfig.json', 'package.json']) {
    cpSync(path.join(root, f), path.join(dir, f), { recursive: true });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs the built CLI as a child process. Asynchronous on purpose: a synchronous spawn blocks the
 * vitest worker, whose progress messages then time out on a loaded machine.
 */
export function datacheck(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const t0 = performance.now();
  // A clean environment: no colour settings leak in from the developer's shell.
  const { NO_COLOR: _n, FORCE_COLOR: _f, ...base } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Math.round(performance.now() - t0) }));
  });
}
