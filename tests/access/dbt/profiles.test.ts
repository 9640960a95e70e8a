import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProfilesFile } from '../../../src/access/dbt/find-profiles.js';
import { DBT_URL_VARIABLE, profileConnection } from '../../../src/access/dbt/profile-connection.js';
import { renderEnvVars } from '../../../src/access/dbt/render-env-var.js';
import { issueOf } from '../../support/issue-of.js';

function folders(names: string[]): Record<string, string> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'datacheck-dbt-profiles-'));
  return Object.fromEntries(
    names.map((n) => {
      const d = path.join(root, n);
      mkdirSync(d, { recursive: true });
      return [n, d];
    }),
  );
}
const withProfiles = (dir: string, text = 'p: {}\n') => writeFileSync(path.join(dir, 'profiles.yml'), text);

describe('profiles.yml is found by dbt’s rules', () => {
  it('--profiles-dir, then DBT_PROFILES_DIR, then the working directory, the project, ~/.dbt', () => {
    const d = folders(['flag', 'envdir', 'cwd', 'project', 'home/.dbt']);
    for (const k of Object.keys(d)) withProfiles(d[k]);
    const home = path.dirname(d['home/.dbt']);
    const base = { projectDir: d.project, cwd: d.cwd, home };
    expect(findProfilesFile({ ...base, profilesDir: d.flag, env: { DBT_PROFILES_DIR: d.envdir } })).toBe(path.join(d.flag, 'profiles.yml'));
    expect(findProfilesFile({ ...base, env: { DBT_PROFILES_DIR: d.envdir } })).toBe(path.join(d.envdir, 'profiles.yml'));
    expect(findProfilesFile({ ...base, env: {} })).toBe(path.join(d.cwd, 'profiles.yml'));
    expect(findProfilesFile({ ...base, cwd: d['home/.dbt'].replace('.dbt', ''), env: {} })).toBe(path.join(d.project, 'profiles.yml'));
  });

  it('falls back to ~/.dbt, and a named folder without the file is an error, not a fall-through', () => {
    const d = folders(['cwd', 'project', 'home/.dbt', 'empty']);
    withProfiles(d['home/.dbt']);
    const home = path.dirname(d['home/.dbt']);
    expect(findProfilesFile({ projectDir: d.project, cwd: d.cwd, home, env: {} })).toBe(path.join(d['home/.dbt'], 'profiles.yml'));
    const issue = issueOf(() => findProfilesFile({ projectDir: d.project, cwd: d.cwd, home, env: { DBT_PROFILES_DIR: d.empty } }));
    expect(issue.code).toBe('dbt.profile');
    expect(issue.message).toContain('DBT_PROFILES_DIR');
  });
});

describe('env_var() in profiles', () => {
  it('renders the variable, its default, and dbt’s casts; refuses other Jinja', () => {
    expect(renderEnvVars("{{ env_var('H') }}", { H: 'db.example' }, 'x')).toBe('db.example');
    expect(renderEnvVars('{{ env_var("P", \'5432\') | as_number }}', {}, 'x')).toBe('5432');
    expect(issueOf(() => renderEnvVars("{{ env_var('NOPE') }}", {}, 'profiles.yml: p')).message).toBe(
      "profiles.yml: p: env_var('NOPE') is not set and has no default",
    );
    expect(issueOf(() => renderEnvVars("{{ 'a' if target.type else 'b' }}", {}, 'x')).code).toBe('dbt.profile');
  });
});

describe('a profile target becomes a connection', () => {
  const write = (text: string) => {
    const d = folders(['p']).p;
    withProfiles(d, text);
    return { file: path.join(d, 'profiles.yml'), dir: d };
  };
  const PROFILE = `shop:
  target: "{{ env_var('WHICH', 'dev') }}"
  outputs:
    dev: { type: duckdb, path: warehouse.duckdb }
    prod:
      type: postgres
      host: db.internal
      user: "{{ env_var('PGUSER') }}"
      pass: "{{ env_var('PGPASS') }}"
      port: 6543
      dbname: analytics
      schema: marts
      sslmode: verify-full
    bq: { type: bigquery }
`;

  it('duckdb: the path relative to the project; the target from the profile, DBT_TARGET or --target', () => {
    const { file, dir } = write(PROFILE);
    const dev = profileConnection({ file, profile: 'shop', projectDir: dir, env: {} });
    expect(dev).toEqual({ profile: 'shop', target: 'dev', def: { kind: 'duckdb', path: path.join(dir, 'warehouse.duckdb') }, env: {} });
    const env = { DBT_TARGET: 'prod', PGUSER: 'ana', PGPASS: 'p@ss%20/word' };
    const prod = profileConnection({ file, profile: 'shop', projectDir: dir, env });
    expect(prod.def).toEqual({ kind: 'postgres', urlEnv: DBT_URL_VARIABLE });
    // Encoded so the password reads back exactly (a '%20' is not a space).
    const url = new URL(prod.env[DBT_URL_VARIABLE]);
    expect(decodeURIComponent(url.password)).toBe('p@ss%20/word');
    expect([url.hostname, url.port, url.pathname, url.searchParams.get('sslmode')]).toEqual([
      'db.internal',
      '6543',
      '/analytics',
      'verify-full',
    ]);
    expect(profileConnection({ file, profile: 'shop', target: 'dev', projectDir: dir, env }).target).toBe('dev');
  });

  it('an unknown profile, target or adapter is an error listing the choices', () => {
    const { file, dir } = write(PROFILE);
    expect(issueOf(() => profileConnection({ file, profile: 'nope', projectDir: dir, env: {} })).expected).toBe('one of shop');
    expect(issueOf(() => profileConnection({ file, profile: 'shop', target: 'qa', projectDir: dir, env: {} })).expected).toBe(
      'one of dev, prod, bq',
    );
    const bq = issueOf(() => profileConnection({ file, profile: 'shop', target: 'bq', projectDir: dir, env: {} }));
    expect([bq.code, bq.found]).toEqual(['dbt.profile', 'bigquery']);
  });
});
