import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../../src/engines/sql/compile-plan.js';
import { DIALECTS } from '../../../src/engines/sql/dialects/index.js';
import { explainPlan, formatExplained } from '../../../src/engines/sql/explain.js';
import { columns, metrics } from './representative-plan.js';

// Warehouse dialects cannot run here: their SQL is pinned by golden files, reviewed by eye.
// UPDATE_GOLDEN=1 npx vitest run tests/engines/sql/golden.test.ts rewrites them.
const GOLDEN = path.join(import.meta.dirname, 'golden');
const NOW = Date.UTC(2024, 5, 1, 12);

function render(name: keyof typeof DIALECTS): string {
  const dialect = DIALECTS[name];
  const plan = compilePlan({
    dialect,
    from: { t: 'relation', relation: { kind: 'table', parts: ['analytics', 'orders'] } },
    columns,
    metrics,
    nowMs: NOW,
    references: new Map([
      [
        'customers',
        { from: { t: 'relation', relation: { kind: 'table', parts: ['analytics', 'customers'] } }, columns: new Map([['id', 'number']]) },
      ],
    ]),
  });
  return `${formatExplained(explainPlan(plan, dialect), metrics)}\n`;
}

describe('golden SQL per dialect (every metric kind, a where filter, hostile identifiers)', () => {
  for (const name of Object.keys(DIALECTS) as (keyof typeof DIALECTS)[]) {
    it(`${name} renders the representative plan exactly as reviewed`, () => {
      const file = path.join(GOLDEN, `${name}.sql`);
      const sql = render(name);
      if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, sql);
      }
      expect(sql).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('never splices a value into the text: hostile values appear only among the parameters', () => {
    for (const name of Object.keys(DIALECTS) as (keyof typeof DIALECTS)[]) {
      // ClickHouse 18.16 has no server-side parameters: its values are literals, each escaped by
      // the dialect's one function (tests/engines/sql/drivers/clickhouse checks it against the server).
      if (DIALECTS[name].literal) {
        const sql = render(name);
        expect(sql).toContain("'it\\'s \\\\ \"quoted\"'");
        expect(sql).not.toContain("it's");
        continue;
      }
      const sql = render(name)
        .split('\n')
        .filter((l) => !l.startsWith('-- params:'))
        .join('\n');
      expect(sql).not.toContain("it's");
      expect(sql).not.toContain("o''brien");
      expect(sql).not.toContain('cancelled');
    }
  });
});
