import { randomBytes } from 'node:crypto';
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import pg from 'pg';
import { OWNER_FILE } from './postgres-state.js';
import { findPostgresBinaries, postgresToolCommand, runPostgresTool, type PostgresBinaries } from './postgres-binaries.js';

/** Everything a test needs to reach a running throwaway server; plain data so it can be shared as JSON. */
export interface PostgresServerInfo {
  /** The restricted role datacheck connects as: may read every table (pg_read_all_data), write none. */
  url: string;
  /** The superuser, for creating fixtures. Never hand this to datacheck in a test that is about privileges. */
  adminUrl: string;
  host: string;
  port: number;
  database: string;
  reader: { user: string; password: string };
  admin: { user: string; password: string };
  /** The server's self-signed certificate (also its own CA): the server accepts TLS and plain connections. */
  tlsCertFile: string;
  /** The temp directory holding the cluster, its sockets and log; removed by stop(). */
  baseDir: string;
  /** How long initdb + start + role setup took. */
  startMs: number;
}

export interface PostgresServer extends PostgresServerInfo {
  stop(): Promise<void>;
}

const run = promisify(execFile);
const SERVER_DIR_PREFIX = 'datacheck-pg-';
const DATABASE = 'datacheck_test';
const ADMIN = 'datacheck_admin';
const READER = 'datacheck_reader';

/**
 * A fresh PostgreSQL cluster in a temp directory: listening on 127.0.0.1 on a free port (unix
 * sockets only inside the temp dir), password (SCRAM) authentication over TCP, a test database,
 * a superuser for fixtures and a read-only role for datacheck. Takes about a second.
 * Passwords contain URL-reserved characters on purpose, so redaction is tested on encoded forms.
 */
export async function startPostgres(options: { ownerPid?: number } = {}): Promise<PostgresServer> {
  const t0 = performance.now();
  const bins = findPostgresBinaries();
  await stopAbandonedServers(bins);
  const baseDir = mkdtempSync(path.join(os.tmpdir(), SERVER_DIR_PREFIX));
  // Whose server this is: when that process is gone, the next start removes the server.
  writeFileSync(path.join(baseDir, OWNER_FILE), String(options.ownerPid ?? process.pid));
  if (bins.runAs) chownSync(baseDir, bins.runAs.uid, bins.runAs.gid);
  const stop = () => stopPostgresAt(baseDir, bins);
  try {
    const admin = { user: ADMIN, password: `adm:${secret()}@/#?` };
    const reader = { user: READER, password: `rd:${secret()}@/%20?` };
    await initCluster(bins, baseDir, admin);
    const tls = await createCertificate(bins, baseDir);
    const port = await startOnFreePort(bins, baseDir, tls);
    const host = '127.0.0.1';
    const urlFor = (u: { user: string; password: string }, db: string) =>
      `postgres://${encodeURIComponent(u.user)}:${encodeURIComponent(u.password)}@${host}:${port}/${db}`;
    await createDatabaseAndRoles(urlFor(admin, 'postgres'), reader);
    return {
      url: urlFor(reader, DATABASE),
      adminUrl: urlFor(admin, DATABASE),
      host,
      port,
      database: DATABASE,
      reader,
      admin,
      tlsCertFile: tls.cert,
      baseDir,
      startMs: Math.round(performance.now() - t0),
      stop,
    };
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }
}

/** Stops the server whose cluster lives in `baseDir` (fast shutdown) and removes the directory. */
export async function stopPostgresAt(baseDir: string, bins?: PostgresBinaries): Promise<void> {
  try {
    const b = bins ?? findPostgresBinaries();
    await runPostgresTool(b, 'pg_ctl', stopArgs(baseDir), 30_000).catch((e: Error) => {
      // Not running (never started, or already stopped) is fine; anything else is worth seeing.
      if (!/No such file|not exist|Is server running/i.test(e.message)) throw e;
    });
  } finally {
    rmSync(baseDir, { recursive: true, force: true });
  }
}

/**
 * The same, synchronously, for a process 'exit' handler (the only place left when a test run
 * crashes): best effort, errors ignored.
 */
export function stopPostgresAtSync(baseDir: string): void {
  try {
    const [cmd, argv] = postgresToolCommand(findPostgresBinaries(), 'pg_ctl', stopArgs(baseDir));
    spawnSync(cmd, argv, { timeout: 30_000, stdio: 'ignore' });
  } catch {
    // nothing more to do while exiting
  } finally {
    rmSync(baseDir, { recursive: true, force: true });
  }
}

function stopArgs(baseDir: string): string[] {
  return ['stop', '-D', path.join(baseDir, 'data'), '-m', 'fast', '-w'];
}

/**
 * Stops servers left behind by test runs that were killed (no teardown, no exit handler): every
 * datacheck-pg-* directory whose owner process no longer exists (state directories, which carry
 * the same owner file, included). Servers of live runs, other
 * users' included, are left alone.
 */
async function stopAbandonedServers(bins: PostgresBinaries): Promise<void> {
  for (const name of readdirSync(os.tmpdir())) {
    // servers, and the state directories of the runs that shared them
    if (!new RegExp(`^${SERVER_DIR_PREFIX}(state-)?[A-Za-z0-9]{6}$`).test(name)) continue;
    const dir = path.join(os.tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(path.join(dir, OWNER_FILE), 'utf8'));
    } catch {
      continue; // being set up right now, or not ours
    }
    if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
    if (existsSync(path.join(dir, 'data'))) await stopPostgresAt(dir, bins).catch(() => undefined);
    else rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

function secret(): string {
  return randomBytes(9).toString('base64url');
}

async function initCluster(bins: PostgresBinaries, baseDir: string, admin: { user: string; password: string }) {
  const pwfile = path.join(baseDir, 'pwfile');
  writeFileSync(pwfile, `${admin.password}\n`, { mode: 0o600 });
  if (bins.runAs) chownSync(pwfile, bins.runAs.uid, bins.runAs.gid);
  try {
    await runPostgresTool(bins, 'initdb', [
      '-D',
      path.join(baseDir, 'data'),
      '-U',
      admin.user,
      `--pwfile=${pwfile}`,
      // Local (unix socket) connections are only pg_ctl's readiness probe, inside our 0700 dir.
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '--encoding=UTF8',
      '--no-locale',
      '--no-sync',
    ]);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

/** Picks a free port and starts there; retries when another process grabs the port in between. */
async function startOnFreePort(bins: PostgresBinaries, baseDir: string, tls: { cert: string; key: string }): Promise<number> {
  const log = path.join(baseDir, 'postgres.log');
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const settings = [
      '-c listen_addresses=127.0.0.1',
      `-p ${port}`,
      `-k ${baseDir}`,
      // A test cluster: durability is not worth the I/O on a shared machine.
      '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
      '-c max_connections=50',
      `-c ssl=on -c ssl_cert_file=${tls.cert} -c ssl_key_file=${tls.key}`,
    ].join(' ');
    try {
      await runPostgresTool(bins, 'pg_ctl', ['start', '-D', path.join(baseDir, 'data'), '-l', log, '-w', '-t', '60', '-o', settings]);
      return port;
    } catch (e) {
      lastError = new Error(`${(e as Error).message}\n--- server log ---\n${tail(log)}`);
      if (!/could not bind|already in use/i.test(tail(log))) break;
    }
  }
  throw lastError;
}

/**
 * A self-signed certificate for 127.0.0.1, so TLS settings are tested against a real handshake.
 * An EC key: instant, where RSA takes noticeable CPU. openssl comes with Debian's postgresql
 * (through ssl-cert).
 */
async function createCertificate(bins: PostgresBinaries, baseDir: string): Promise<{ cert: string; key: string }> {
  const cert = path.join(baseDir, 'server.crt');
  const key = path.join(baseDir, 'server.key');
  try {
    await run(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { timeout: 30_000 },
    );
  } catch (e) {
    throw new Error(`could not create the test server's TLS certificate with openssl (is it installed?): ${(e as Error).message}`);
  }
  // PostgreSQL insists the key is private to the server's user.
  chmodSync(key, 0o600);
  if (bins.runAs) for (const f of [cert, key]) chownSync(f, bins.runAs.uid, bins.runAs.gid);
  return { cert, key };
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function createDatabaseAndRoles(adminUrl: string, reader: { user: string; password: string }) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${DATABASE}`);
    // CREATE ROLE takes no bind parameters; the password is ours, quoted as a literal.
    await client.query(`CREATE ROLE ${reader.user} LOGIN PASSWORD ${client.escapeLiteral(reader.password)}`);
    // pg_read_all_data (PostgreSQL 14+): SELECT on every table and USAGE on every schema, now and
    // later, so fixtures created by any test file are readable without per-table grants.
    await client.query(`GRANT pg_read_all_data TO ${reader.user}`);
  } finally {
    await client.end();
  }
}
