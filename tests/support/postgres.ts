import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { FAILED_FILE, LOCK_DIR, OWNER_FILE, SERVER_FILE, STATE_ENV } from './postgres-state.js';
import { startPostgres, type PostgresServerInfo } from './postgres-server.js';

export type { PostgresServerInfo } from './postgres-server.js';

const WAIT_MS = 90_000;
let shared: Promise<PostgresServerInfo> | undefined;

/**
 * The run's shared PostgreSQL test server, started on first use (see postgres-global-setup.ts).
 * Test files running in parallel share it: give each file its own schema. Fails (never skips)
 * when the server cannot start, with the reason, e.g. the binaries are missing.
 */
export function testPostgres(): Promise<PostgresServerInfo> {
  return (shared ??= acquire());
}

/** Runs fixture SQL as the superuser; statements are the test's own text. */
export async function adminQuery(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: (await testPostgres()).adminUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** A minimal identifier quoting for test fixtures: double the quotes, wrap in quotes. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function stateDirectory(): string {
  let dir: string | undefined;
  try {
    dir = inject('datacheckPostgresState');
  } catch {
    // not inside a vitest worker
  }
  dir ??= process.env[STATE_ENV];
  if (!dir) {
    throw new Error('no shared PostgreSQL test server: tests/support/postgres-global-setup.ts must be in vitest.config.ts globalSetup');
  }
  return dir;
}

async function acquire(): Promise<PostgresServerInfo> {
  const dir = stateDirectory();
  try {
    mkdirSync(path.join(dir, LOCK_DIR));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return waitForServer(dir);
  }
  try {
    const { stop, ...info } = await startPostgres({ ownerPid: ownerOf(dir) });
    try {
      // Written then renamed, so a waiting file never reads half a JSON document.
      const tmp = path.join(dir, `${SERVER_FILE}.tmp`);
      writeFileSync(tmp, JSON.stringify(info));
      renameSync(tmp, path.join(dir, SERVER_FILE));
    } catch (e) {
      await stop(); // the run is already tearing down: leave no server behind
      throw e;
    }
    return info;
  } catch (e) {
    try {
      writeFileSync(path.join(dir, FAILED_FILE), (e as Error).message);
    } catch {
      // the state directory is gone: nobody is waiting
    }
    throw e;
  }
}

/** The vitest main process of this run, so the server is removed if that process dies. */
function ownerOf(dir: string): number | undefined {
  try {
    return Number(readFileSync(path.join(dir, OWNER_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

async function waitForServer(dir: string): Promise<PostgresServerInfo> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if (existsSync(path.join(dir, SERVER_FILE))) return JSON.parse(readFileSync(path.join(dir, SERVER_FILE), 'utf8'));
    if (existsSync(path.join(dir, FAILED_FILE))) {
      throw new Error(`the shared PostgreSQL test server could not start: ${readFileSync(path.join(dir, FAILED_FILE), 'utf8')}`);
    }
    await sleep(100);
  }
  throw new Error(`another test file started the shared PostgreSQL test server, but it was not ready within ${WAIT_MS / 1000} s`);
}
