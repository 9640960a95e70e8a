import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './harness.js';

/**
 * The packed tarball installed into an empty project, as a user installs it
 * (scripts/test-consumer-install.sh). It takes about a minute and a few hundred MB of the npm
 * cache, so it runs in CI (.ci/run sets CI=true) and when asked (DATACHECK_CONSUMER_INSTALL=1),
 * and counts in the CI's `N passed, N failed` line like every other test.
 */
const wanted = process.env.CI === 'true' || process.env.DATACHECK_CONSUMER_INSTALL === '1';

describe.runIf(wanted)('the packed package in an empty project', () => {
  it('installs, runs `npx datacheck` (exit 0 good data, 1 bad data) and type-checks a suite', async () => {
    const script = path.join(root, 'scripts/test-consumer-install.sh');
    const r = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn('bash', [script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, output }));
    });
    expect(r.output).toContain('consumer install: ok');
    expect(r.code).toBe(0);
  }, 240_000);
});
