import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { SERVER_FILE, STATE_ENV } from './postgres-state.js';
import { stopPostgresAt } from './postgres-server.js';

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
 * below stops it if it was started.
 */
export function setup(project: TestProject) {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-pg-state-'));
  project.provide('datacheckPostgresState', stateDir);
  // Also for child processes the tests spawn (e.g. the CLI), which cannot inject().
  process.env[STATE_ENV] = stateDir;

  return async () => {
    try {
      const file = path.join(stateDir, SERVER_FILE);
      if (existsSync(file)) await stopPostgresAt(JSON.parse(readFileSync(file, 'utf8')).baseDir);
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  };
}
