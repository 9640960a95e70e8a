import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, testPostgres, type PostgresServerInfo } from '../support/postgres.js';
import { bin, projectOf } from './harness.js';

// Ctrl-C (or a CI runner's SIGTERM) in the middle of a PostgreSQL query. Node's default is to die
// at once, and the server then goes on running the statement for a client that is gone (~36 s
// measured on a real scan). datacheck cancels it on the server and exits 130 / 143.

let server: PostgresServerInfo;
beforeAll(async () => {
  server = await testPostgres();
});

/** A project whose one dataset is a query that takes 60 s; each test marks its query apart. */
function slowProject(marker: string): string {
  return projectOf({
    'datacheck.config.ts': `import { defineConfig } from 'datacheck/config';
export default defineConfig({ connections: { pg: { kind: 'postgres', urlEnv: 'INTERRUPT_TEST_PG_URL' } } });
`,
    'contracts/slow.contract.ts': `import { col, defineContract } from 'datacheck';
export default defineContract({
  name: 'slow',
  source: { query: "SELECT 1 AS id, pg_sleep(60)::text AS ${marker}", connection: 'pg' },
  columns: { id: col.int32() },
});
`,
  });
}

/** The server's sessions running a statement that mentions the marker (not this query itself). */
async function runningWith(marker: string): Promise<number> {
  const { rows } = await adminQuery(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1 AND pid <> pg_backend_pid()",
    [`%${marker}%`],
  );
  return rows[0].n as number;
}

async function until(what: string, condition: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await sleep(100);
  }
}

describe('a run stopped while a PostgreSQL query runs', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal}: the query is cancelled on the server, no report is written, exit ${code}`, async () => {
      const marker = `interrupt_${signal.toLowerCase()}_${process.pid}`;
      const dir = slowProject(marker);
      const child = spawn(process.execPath, [bin, '--no-typecheck', '-r', 'console', '-r', 'json', '-o', 'json=out.json'], {
        cwd: dir,
        env: { ...process.env, INTERRUPT_TEST_PG_URL: server.url, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.stdout.resume();
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('close', (c, s) => resolve({ code: c, signal: s })),
      );
      try {
        await until('the query runs on the server', async () => (await runningWith(marker)) > 0, 45_000);
        child.kill(signal);
        const end = await exited;
        expect(end).toEqual({ code, signal: null });
        expect(stderr).toContain(`datacheck: interrupted by ${signal}: running queries were cancelled, no report was written`);
        // Cancelled, not left to sleep out its 60 s.
        await until('the server no longer runs the query', async () => (await runningWith(marker)) === 0, 5_000);
        const { existsSync } = await import('node:fs');
        expect(existsSync(`${dir}/out.json`)).toBe(false);
      } finally {
        child.kill('SIGKILL');
        await adminQuery('SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()', [
          `%${marker}%`,
        ]);
      }
    });
  }
});
