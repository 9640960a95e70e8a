import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliIo } from '../../src/cli/io.js';
import type { CheckResult, Outcome, RunResult } from '../../src/model/result.js';
import type { RunInput } from '../../src/run/runner.js';

export const fixtures = path.resolve(__dirname, '../fixtures/cli');

/** A copy of a fixture project in a temporary directory (tests may add files to it). */
export function copyProject(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `datacheck-cli-${name}-`));
  cpSync(path.join(fixtures, name), dir, { recursive: true });
  return dir;
}

export interface FakeIo extends CliIo {
  out: () => string;
  err: () => string;
  inputs: RunInput[];
}

/**
 * A CliIo that captures stdout/stderr. `outcome` stands in for the runner: every suite check gets
 * that outcome (so exit codes are tested apart from engines); run issues pass through as the
 * runner passes them.
 */
export function fakeIo(cwd: string, options: { outcome?: Outcome; env?: Record<string, string>; tty?: boolean } = {}): FakeIo {
  let out = '';
  let err = '';
  const inputs: RunInput[] = [];
  return {
    cwd,
    env: { NO_COLOR: '1', ...options.env },
    stdout: { write: (s: string) => (out += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (err += s) },
    out: () => out,
    err: () => err,
    inputs,
    run: async (input) => {
      inputs.push(input);
      return stubResult(input, options.outcome ?? 'pass');
    },
  };
}

export function stubResult(input: RunInput, outcome: Outcome): RunResult {
  const wanted = (name: string, title: string) => !input.filter?.length || input.filter.some((f) => f === name || title.includes(f));
  const datasets = input.contracts
    .map((contract) => {
      const checks: CheckResult[] = input.suites
        .filter((s) => s.contract === contract)
        .flatMap((s) => s.checks)
        .filter((c) => wanted(contract.name, c.title ?? c.kind))
        .map((c) => ({
          id: c.id,
          kind: c.kind,
          dataset: c.dataset,
          title: c.title ?? c.kind,
          severity: c.severity,
          outcome,
          message: outcome,
          origin: c.origin,
          location: { ...c.location, file: path.relative(input.cwd, c.location.file) },
          durationMs: 0,
        }));
      return { name: contract.name, issues: [], checks, columns: [], durationMs: 0 };
    })
    .filter((d) => d.checks.length > 0);
  const counts: Record<Outcome, number> = { pass: 0, fail: 0, warn: 0, error: 0, skipped: 0 };
  for (const d of datasets) for (const c of d.checks) counts[c.outcome]++;
  const issues = input.issues.map((i) =>
    i.location ? { ...i, location: { ...i.location, file: path.relative(input.cwd, i.location.file) } } : i,
  );
  return {
    schemaVersion: 1,
    runId: 'test-run',
    tool: { name: 'datacheck', version: '0.0.0-test' },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    durationMs: 1000,
    cwd: input.cwd,
    datasets,
    issues,
    counts,
    outcome: issues.length > 0 || counts.error > 0 ? 'error' : counts.fail > 0 ? 'failed' : 'passed',
  };
}
