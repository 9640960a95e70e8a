import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseCacheDir } from '../../src/prepare/cache-dir.js';
import { createLoader, loadUserFiles } from '../../src/prepare/load.js';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

/** A project with node_modules/ (where the cache may live) and one contract. */
function project(): { root: string; file: string; cache: string; marker: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'datacheck-cache-'));
  mkdirSync(path.join(root, 'node_modules'));
  mkdirSync(path.join(root, 'contracts'));
  const file = path.join(root, 'contracts/orders.contract.ts');
  writeFileSync(
    file,
    "import { col, defineContract } from 'datacheck';\nexport default defineContract({ name: 'orders', columns: { id: col.int32() } });\n",
  );
  return { root, file, cache: path.join(root, 'node_modules/.cache/datacheck/jiti'), marker: path.join(root, 'planted-code-ran') };
}

const load = (root: string, file: string) => loadUserFiles([file], { cwd: root, loader: createLoader({ projectRoot: root }) });

/**
 * Replaces every cached transpile with code that writes `marker`, keeping jiti's trailing
 * "source hash" line so jiti takes it for a valid entry of the unchanged source.
 */
function plant(cache: string, marker: string): void {
  for (const entry of readdirSync(cache)) {
    const file = path.join(cache, entry);
    const text = readFileSync(file, 'utf8');
    const trailer = text.slice(text.lastIndexOf(' /* v'));
    writeFileSync(file, `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'pwned');\n${trailer}`);
  }
}

describe('the transpile cache of user files', () => {
  it("lives in the project's node_modules/.cache, never in the shared temp folder", () => {
    const { root } = project();
    expect(chooseCacheDir(root)).toEqual({ dir: path.join(root, 'node_modules/.cache/datacheck/jiti') });
    expect(chooseCacheDir(mkdtempSync(path.join(os.tmpdir(), 'datacheck-nomodules-')))).toMatchObject({ dir: false });
  });

  it('a planted entry in our own private cache is what jiti runs (the attack the next tests refuse)', async () => {
    const { root, file, cache, marker } = project();
    expect((await load(root, file)).contracts.map((c) => c.name)).toEqual(['orders']);
    expect(readdirSync(cache).length).toBeGreaterThan(0);
    plant(cache, marker);
    await load(root, file);
    expect(existsSync(marker)).toBe(true);
  });

  it.runIf(isRoot)('a cache folder owned by another user is not used: the planted entry never runs', async () => {
    const { root, file, cache, marker } = project();
    await load(root, file);
    plant(cache, marker);
    for (const dir of [path.dirname(path.dirname(cache)), path.dirname(cache), cache]) chownSync(dir, NOBODY, NOBODY);
    expect(chooseCacheDir(root)).toMatchObject({ dir: false, refused: expect.stringContaining('is owned by uid 65534') });
    const loaded = await load(root, file);
    expect(existsSync(marker)).toBe(false);
    expect(loaded.issues).toEqual([]);
    expect(loaded.contracts.map((c) => c.name)).toEqual(['orders']);
  });

  it('a cache folder other users may write to is not used either', async () => {
    const { root, file, cache, marker } = project();
    await load(root, file);
    plant(cache, marker);
    chmodSync(cache, 0o777);
    expect(chooseCacheDir(root)).toMatchObject({ dir: false, refused: expect.stringContaining('is writable by every user') });
    await load(root, file);
    expect(existsSync(marker)).toBe(false);
    rmSync(root, { recursive: true, force: true });
  });
});
