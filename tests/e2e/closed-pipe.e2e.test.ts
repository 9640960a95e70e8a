import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { bin, project } from './harness.js';

/**
 * `datacheck 2>&1 | head -5`: the reader goes away while datacheck still writes. The run must end
 * promptly with the exit code it would have had (the `good` fixture has a failing check: 1), not
 * spin (stderr's EPIPE used to loop through the uncaughtException handler) nor exit 0.
 */
function runWithReaderGone(
  cwd: string,
  args: string[],
  when: 'at-once' | 'after-first-chunk',
): Promise<{ code: number | null; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const closeReaders = () => {
      child.stdout.destroy();
      child.stderr.destroy();
    };
    if (when === 'at-once') closeReaders();
    else child.stdout.once('data', closeReaders);
    // A hang is the bug: stop it rather than the test runner.
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, ms: Math.round(performance.now() - t0) });
    });
  });
}

// Console, then markdown to stdout (a second stdout write), then junit (a note on stderr).
const args = ['-r', 'console', '-r', 'markdown', '-r', 'junit', '-o', 'markdown=-', '-o', 'junit=reports/junit.xml'];

describe('a closed stdout/stderr (EPIPE)', () => {
  it('ends the run with its own exit code when the reader is gone before the first write', async () => {
    const dir = project('good');
    const r = await runWithReaderGone(dir, args, 'at-once');
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(20_000);
    // The file reports are still written.
    expect(existsSync(path.join(dir, 'reports/junit.xml'))).toBe(true);
  });

  it('ends the run with its own exit code when the reader stops after the first chunk (like head)', async () => {
    const dir = project('good');
    const r = await runWithReaderGone(dir, args, 'after-first-chunk');
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(20_000);
  });
});
