import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where initdb and pg_ctl live, and how to run them (as the `postgres` OS user when we are root). */
export interface PostgresBinaries {
  binDir: string;
  /** Set when the process runs as root: PostgreSQL refuses to, so commands run as this user. */
  runAs?: { user: string; uid: number; gid: number };
}

const DEBIAN_ROOT = '/usr/lib/postgresql';

/**
 * Finds the PostgreSQL server binaries: $DATACHECK_PG_BIN, then PATH, then Debian's
 * /usr/lib/postgresql/<version>/bin (where `apt-get install postgresql` puts them, off PATH).
 * Missing binaries are an error, never a skip: the PostgreSQL tests must run in CI.
 */
export function findPostgresBinaries(env: NodeJS.ProcessEnv = process.env): PostgresBinaries {
  const binDir = findBinDir(env);
  if (!binDir) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) were not found in $DATACHECK_PG_BIN, on PATH or in ' +
        `${DEBIAN_ROOT}/*/bin. The PostgreSQL tests start a real server: install it ` +
        '(Debian/Ubuntu: apt-get install -y postgresql) or set DATACHECK_PG_BIN to the directory holding initdb and pg_ctl.',
    );
  }
  if (process.getuid?.() !== 0) return { binDir };
  const user = env.DATACHECK_PG_OS_USER || 'postgres';
  const id = (flag: string) => Number(execFileSync('id', [flag, user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  try {
    return { binDir, runAs: { user, uid: id('-u'), gid: id('-g') } };
  } catch {
    throw new Error(
      `running as root, and PostgreSQL refuses to run as root, so the test server runs as the OS user '${user}', ` +
        `which does not exist. Create it (useradd --system --user-group ${user}) or set DATACHECK_PG_OS_USER to another unprivileged user.`,
    );
  }
}

function findBinDir(env: NodeJS.ProcessEnv): string | undefined {
  const has = (dir: string) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'));
  if (env.DATACHECK_PG_BIN) return has(env.DATACHECK_PG_BIN) ? env.DATACHECK_PG_BIN : undefined;
  const onPath = (env.PATH ?? '').split(path.delimiter).find((d) => d && has(d));
  if (onPath) return onPath;
  if (!existsSync(DEBIAN_ROOT)) return undefined;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(DEBIAN_ROOT, v, 'bin')).find(has);
}

/** The command line for one of the binaries, run as the `postgres` user when we are root. */
export function postgresToolCommand(bins: PostgresBinaries, tool: string, args: string[]): [string, string[]] {
  const exe = path.join(bins.binDir, tool);
  return bins.runAs ? ['runuser', ['-u', bins.runAs.user, '--', exe, ...args]] : [exe, args];
}

/** Runs one of the binaries; rejects with its output on failure. */
export async function runPostgresTool(bins: PostgresBinaries, tool: string, args: string[], timeoutMs = 60_000): Promise<string> {
  const [cmd, argv] = postgresToolCommand(bins, tool, args);
  try {
    const { stdout, stderr } = await run(cmd, argv, { timeout: timeoutMs, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
    return stdout + stderr;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${tool} ${args[0] ?? ''} failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`.trim());
  }
}
