import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { OWNER_FILE, SERVER_FILE, STATE_ENV } from './postgres-state.js';
import { stopPostgresAt, stopPostgresAtSync } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Directory through which test files share one lazily started PostgreSQL server (see tests/support/postgres.ts). */
    datacheckPostgresState: string;
  }
}

/**
 * vitest globalSetup: one PostgreSQL server for the whole run, started lazily. Starting costs about
 * a second of CPU on a shared machine, and most runs (`npx vitest run tests/checks`) need no
 * server, so this only makes a state directory; the first test file that calls `testPostgres()`
 * starts the server and records it there, the others wait for and reuse it, and the teardown
 * below stops it if it was started. A crashed run stops it from an 'exit' handler, and a killed
 * one leaves it to the next start, which removes servers whose owning process is gone.
 */
export function setup(project: TestProject) {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-pg-state-'));
  project.provide('datacheckPostgresState', stateDir);
  // Also for child processes the tests spawn (e.g. the CLI), which cannot inject().
  process.env[STATE_ENV] = stateDir;

  writeFileSync(path.join(stateDir, OWNER_FILE), String(process.pid));
  const startedServer = (): string | undefined => {
    const file = path.join(stateDir, SERVER_FILE);
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).baseDir : undefined;
  };
  // When the run crashes the teardown below never runs, but 'exit' handlers do (synchronously).
  const onExit = () => {
    const baseDir = startedServer();
    if (baseDir) stopPostgresAtSync(baseDir);
    rmSync(stateDir, { recursive: true, force: true });
  };
  process.on('exit', onExit);

  return async () => {
    process.off('exit', onExit);
    try {
      const baseDir = startedServer();
      if (baseDir) await stopPostgresAt(baseDir);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  };
}
