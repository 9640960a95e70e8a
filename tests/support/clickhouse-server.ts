import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** One shard of the test cluster: a clickhouse-server process with its own ports and data folder. */
export interface ClickhouseShard {
  httpPort: number;
  tcpPort: number;
  /** As datacheck's reader (may read; datacheck itself adds readonly=1). */
  url: string;
  /** As the fixture administrator (creates tables, inserts rows). */
  adminUrl: string;
}

export interface ClickhouseCluster {
  /** The `remote_servers` cluster naming both shards, for `Distributed(cluster, db, table)`. */
  cluster: string;
  shards: [ClickhouseShard, ClickhouseShard];
  reader: { user: string; password: string };
  admin: { user: string; password: string };
  baseDir: string;
  startMs: number;
  stop(): Promise<void>;
}

export const CLUSTER = 'datacheck_two_shards';
const BINARIES = ['/usr/bin/clickhouse-server', '/usr/sbin/clickhouse-server'];

/** The clickhouse-server binary, or a clear failure naming the package to install (never a skip). */
export function findClickhouseServer(): string {
  const found = BINARIES.find((b) => existsSync(b));
  if (!found) throw new Error('clickhouse-server is not installed: apt-get install -y clickhouse-server clickhouse-client');
  return found;
}

/**
 * A real two-shard ClickHouse cluster on loopback: two server processes on free ports, each with
 * its own temp data folder and the same `remote_servers` config naming both (shards reach each
 * other over TCP as the reader). Users `admin` and `reader` have passwords with URL-reserved
 * characters, so redaction is tested on encoded forms. About 2 s to start both.
 */
export async function startClickhouseCluster(): Promise<ClickhouseCluster> {
  const t0 = performance.now();
  const binary = findClickhouseServer();
  const baseDir = mkdtempSync(path.join(os.tmpdir(), 'datacheck-ch-'));
  const admin = { user: 'dc_admin', password: `adm:${secret()}@/#?` };
  const reader = { user: 'dc_reader', password: `rd:${secret()}@/%20?` };
  const ports = await freePorts(4);
  const layout = [0, 1].map((i) => ({ httpPort: ports[2 * i], tcpPort: ports[2 * i + 1], dir: path.join(baseDir, `shard${i + 1}`) }));
  const processes: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(processes.map(stopProcess));
    rmSync(baseDir, { recursive: true, force: true });
  };
  try {
    for (const shard of layout) {
      mkdirSync(shard.dir, { recursive: true });
      writeFileSync(path.join(shard.dir, 'users.xml'), usersXml(admin, reader));
      writeFileSync(path.join(shard.dir, 'config.xml'), configXml(shard, layout, reader));
      const child = spawn(binary, [`--config-file=${path.join(shard.dir, 'config.xml')}`], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr?.on('data', (d) => {
        stderr = (stderr + String(d)).slice(-4000);
      });
      child.once('exit', (code) => {
        if (code !== null && code !== 0) stderr += `\n(exited with code ${code})`;
      });
      processes.push(child);
      (child as ChildProcess & { tail: () => string }).tail = () => stderr;
    }
    await Promise.all(layout.map((s, i) => waitReady(s.httpPort, processes[i])));
    const url = (u: { user: string; password: string }, port: number) =>
      `http://${encodeURIComponent(u.user)}:${encodeURIComponent(u.password)}@127.0.0.1:${port}/default`;
    const shards = layout.map((s) => ({
      httpPort: s.httpPort,
      tcpPort: s.tcpPort,
      url: url(reader, s.httpPort),
      adminUrl: url(admin, s.httpPort),
    }));
    return {
      cluster: CLUSTER,
      shards: [shards[0], shards[1]],
      reader,
      admin,
      baseDir,
      startMs: Math.round(performance.now() - t0),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Runs fixture SQL as the administrator on one shard (the test's own text; ClickHouse's HTTP interface). */
export async function clickhouseAdmin(shard: ClickhouseShard, sql: string): Promise<string> {
  const u = new URL(shard.adminUrl);
  const res = await fetch(`http://127.0.0.1:${shard.httpPort}/`, {
    method: 'POST',
    body: sql,
    headers: { 'X-ClickHouse-User': decodeURIComponent(u.username), 'X-ClickHouse-Key': decodeURIComponent(u.password) },
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`ClickHouse fixture statement failed: ${text.slice(0, 500)}\n${sql.slice(0, 300)}`);
  return text;
}

function secret(): string {
  return randomBytes(9).toString('base64url');
}

async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<import('node:net').Server>((resolve, reject) => {
          const s = createServer();
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as import('node:net').AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

async function waitReady(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`clickhouse-server on port ${port} exited during start: ${(child as ChildProcess & { tail: () => string }).tail()}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/ping`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`clickhouse-server on port ${port} did not answer /ping within 60 s`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const done = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
  if (!done) {
    child.kill('SIGKILL');
    await exited;
  }
}

const xml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function usersXml(admin: { user: string; password: string }, reader: { user: string; password: string }): string {
  const user = (u: { user: string; password: string }) =>
    `<${u.user}><password>${xml(u.password)}</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></${u.user}>`;
  // query_log on, so a test can read how many rows each shard read for a query.
  return `<?xml version="1.0"?>
<yandex>
  <profiles><default><log_queries>1</log_queries><max_threads>1</max_threads></default></profiles>
  <users>${user(admin)}${user(reader)}</users>
  <quotas><default></default></quotas>
</yandex>
`;
}

function configXml(
  shard: { httpPort: number; tcpPort: number; dir: string },
  all: { tcpPort: number }[],
  reader: { user: string; password: string },
): string {
  const replicas = all
    .map(
      (s) =>
        `<shard><replica><host>127.0.0.1</host><port>${s.tcpPort}</port><user>${reader.user}</user><password>${xml(reader.password)}</password></replica></shard>`,
    )
    .join('');
  // Small caches: the defaults (5-8 GB) are sized for a server, and several test files start clusters.
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><console>1</console></logger>
  <http_port>${shard.httpPort}</http_port>
  <tcp_port>${shard.tcpPort}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${xml(shard.dir)}/data/</path>
  <tmp_path>${xml(shard.dir)}/tmp/</tmp_path>
  <user_files_path>${xml(shard.dir)}/user_files/</user_files_path>
  <format_schema_path>${xml(shard.dir)}/format_schemas/</format_schema_path>
  <users_config>${xml(shard.dir)}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>67108864</mark_cache_size>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <query_log><database>system</database><table>query_log</table><flush_interval_milliseconds>200</flush_interval_milliseconds></query_log>
  <remote_servers><${CLUSTER}>${replicas}</${CLUSTER}></remote_servers>
</yandex>
`;
}
