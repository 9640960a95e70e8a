import { describe, expect, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ContractDef } from '../../../src/model/contract.js';
import { planned } from './helpers.js';
import { ordersBatch, tempDir, writeSplit } from './ipc-files.js';

// The CLI runs the compiled engine, whose worker is dist/.../worker-entry.js (no jiti).
const dist = path.resolve(__dirname, '../../../dist/src');
const built = existsSync(path.join(dist, 'engines/arrow/parallel/worker-entry.js'));

describe('the compiled arrow engine (dist/, as the CLI runs it)', () => {
  // `npm test` builds first; a missing dist/ is a failure here, never a silent skip.
  it('is built', () => expect(built, 'dist/ is missing: run `npm run build` (npm test does)').toBe(true));

  it('runs its worker from dist and agrees with one thread', async () => {
    const { createArrowEngine } = await import(pathToFileURL(path.join(dist, 'engines/arrow/arrow-engine.js')).href);
    const { openSource } = await import(pathToFileURL(path.join(dist, 'sources/open-source.js')).href);
    const dir = tempDir();
    try {
      writeSplit(dir, 'orders.arrow', ordersBatch(3000, 2), [1000, 1000, 1000]);
      const contract = { kind: 'contract', name: 'o', columns: {}, location: { file: 'x', line: 1, column: 1 } } as ContractDef;
      const source = await openSource({ file: 'orders.arrow' }, { contract, baseDir: dir });
      const metrics = planned({
        rows: { kind: 'row_count' },
        dup: { kind: 'duplicate_count', columns: ['id'], sampleSize: 5 },
        q: { kind: 'quantiles', column: 'amount', probs: [0.5] },
        d: { kind: 'distinct_count', columns: ['email'] },
      });
      const splits: number[][] = [];
      const one = await createArrowEngine({ threads: 1 }).compute(source, metrics, { contract });
      const many = await createArrowEngine({ threads: 2, minRows: 0, onSplit: (r: number[]) => splits.push(r) }).compute(source, metrics, {
        contract,
      });
      expect(splits).toEqual([[2000, 1000]]);
      expect(many).toEqual(one);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
