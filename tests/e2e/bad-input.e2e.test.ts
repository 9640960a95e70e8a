import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datacheck, projectOf, root } from './harness.js';

// Bad input gets a clear error naming the file and line, what was expected and what was found:
// exit 2 when the run cannot be done, exit 1 when it is a finding about the data. Never a stack
// trace (without --debug), never a silent pass, and the user's data is never written.

const csv = 'id,status,amount\n1,placed,10.5\n2,shipped,20\n3,placed,7\n';
const contract = (extra = '', source = "{ file: 'data/orders.csv' }") => `import { col, defineContract } from 'datacheck';

export default defineContract({
  name: 'orders',
  source: ${source},
  columns: {
    id: col.int32().primaryKey(),
    status: col.string(),
    amount: col.float64(),${extra}
  },
});
`;
const suite = (body: string) => `import { defineSuite } from 'datacheck';
import orders from '../contracts/orders.contract';

export default defineSuite(orders, (t) => [
  ${body}
]);
`;

function expectNoStack(text: string) {
  // A stack frame names an absolute path or a node internal; reports only print project-relative places.
  expect(text).not.toMatch(/^\s+at .*(node:internal|\(\/|\s\/)\S*:\d+:\d+/m);
}

async function run(files: Record<string, string | Buffer>, args: string[] = []) {
  const dir = projectOf({ 'contracts/orders.contract.ts': contract(), 'data/orders.csv': csv, ...files });
  const r = await datacheck(dir, args);
  expectNoStack(r.stdout + r.stderr);
  return { ...r, out: r.stdout + r.stderr, dir };
}

describe('bad input: the run cannot be done (exit 2)', () => {
  it('a contract file with a syntax error names the file and line', async () => {
    const r = await run({ 'contracts/orders.contract.ts': contract().replace("name: 'orders',", "name: 'orders'") });
    expect(r.code).toBe(2);
    // The missing comma after `name: 'orders'` is noticed where the next property starts.
    expect(r.out).toMatch(/contracts\/orders\.contract\.ts:5:3 syntax error/);
  });

  it('a contract file with a type error names file:line:column and the compiler’s words', async () => {
    const r = await run({ 'contracts/orders.contract.ts': contract().replace('col.int32().primaryKey()', "col.int32().min('zero')") });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/contracts\/orders\.contract\.ts:7:\d+/);
    expect(r.out).toMatch(/string/);
  });

  it('a file exporting no contract or suite says what it expected and found', async () => {
    const r = await run({ 'checks/nothing.check.ts': 'export const answer = 42;\n' });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/checks\/nothing\.check\.ts/);
    expect(r.out).toMatch(/exports no suite/);
    expect(r.out).toMatch(/found: +exports answer/);
  });

  it('a missing data file names the path it looked for', async () => {
    const r = await run({ 'contracts/orders.contract.ts': contract('', "{ file: 'data/missing.csv' }") });
    expect(r.code).toBe(2);
    expect(r.out).toContain('data/missing.csv');
  });

  it('an empty data file says it is empty', async () => {
    const r = await run({ 'data/orders.csv': '' });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/empty/i);
    expect(r.out).toContain('orders.csv');
  });

  it('a truncated Parquet file is reported, not a crash', async () => {
    const parquet = readFileSync(path.join(root, 'fixtures/jaffle_shop/payments.parquet'));
    const r = await run({
      'contracts/orders.contract.ts': contract('', "{ file: 'data/orders.parquet' }"),
      'data/orders.parquet': parquet.subarray(0, Math.floor(parquet.length / 2)),
    });
    expect(r.code).toBe(2);
    expect(r.out).toContain('orders.parquet');
  });

  it('a CSV row with too many fields names its line, expected and found counts', async () => {
    const r = await run({ 'data/orders.csv': `${csv}4,placed,1,surprise\n` });
    expect(r.code).toBe(2);
    expect(r.out).toContain('data/orders.csv:5: row has 4 fields, expected 3');
  });

  it('an unterminated quote in a CSV names its line', async () => {
    const r = await run({ 'data/orders.csv': `${csv}4,"placed,1\n5,placed,2\n` });
    expect(r.code).toBe(2);
    expect(r.out).toContain('data/orders.csv:5: a quoted field is never closed');
  });

  it('an unknown check option is rejected at the line that wrote it', async () => {
    const r = await run({ 'checks/orders.check.ts': suite("t.column('amount').notNull({ mostli: 0.9 } as never),") }, ['--no-typecheck']);
    expect(r.code).toBe(2);
    expect(r.out).toContain("unknown option 'mostli'");
    expect(r.out).toMatch(/checks\/orders\.check\.ts:5/);
  });

  it('a contradictory bound is an invalid check at its line, not failing data', async () => {
    const r = await run({ 'checks/orders.check.ts': suite("t.column('amount').between(10, 1),") });
    expect(r.code).toBe(2);
    expect(r.out).toContain('the lower bound 10 is above the upper bound 1');
    expect(r.out).toMatch(/checks\/orders\.check\.ts:5/);
    expect(r.out).not.toMatch(/rows? failed/);
  });

  it('an invalid regex is rejected at the line that wrote it', async () => {
    const r = await run({ 'checks/orders.check.ts': suite("t.column('status').matches('([a-z]'),") });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/invalid regular expression/);
    expect(r.out).toMatch(/checks\/orders\.check\.ts:5/);
  });

  it('a filter that does not parse points at the check and the column of the filter', async () => {
    const r = await run({ 'checks/orders.check.ts': suite("t.rowCount().atLeast(1).where('amount > (1 +'),") });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/checks\/orders\.check\.ts:5/);
    expect(r.out).toMatch(/column \d+/);
  });

  it('two contracts with the same name are both located', async () => {
    const r = await run({ 'contracts/copy.contract.ts': contract() });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/orders/);
    expect(r.out).toMatch(/copy\.contract\.ts/);
    expect(r.out).toMatch(/orders\.contract\.ts/);
  });
});

describe('bad data: findings, not crashes (exit 1)', () => {
  it('a suite naming a column the data lacks fails the schema check', async () => {
    const r = await run({
      'contracts/orders.contract.ts': contract('\n    channel: col.string().nullable(),'),
      'checks/orders.check.ts': suite("t.column('channel').oneOf(['web', 'store']),"),
    });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/missing column 'channel'/);
  });

  it('a filtered run keeps the schema check, so a check on a missing column cannot pass by being skipped', async () => {
    const r = await run(
      {
        'contracts/orders.contract.ts': contract('\n    channel: col.string().nullable(),'),
        'checks/orders.check.ts': suite("t.column('channel').oneOf(['web', 'store']),"),
      },
      ['--filter', "channel in ('web'"],
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/missing column 'channel'/);
  });

  it('a value that does not parse as its type fails the type check with its line', async () => {
    const r = await run({ 'data/orders.csv': `${csv}4,placed,twelve\n` });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/amount is float64/);
    expect(r.out).toMatch(/row 4 \(line 5\): amount="twelve"/);
  });

  it('never writes to the data it reads', async () => {
    const dir = projectOf({ 'contracts/orders.contract.ts': contract(), 'data/orders.csv': csv });
    const file = path.join(dir, 'data/orders.csv');
    writeFileSync(file, `${csv}4,placed,oops\n`);
    const before = { bytes: readFileSync(file), mtime: statSync(file).mtimeMs };
    await datacheck(dir, ['--reporter', 'json', '--output-file', 'out/result.json']);
    expect(readFileSync(file)).toEqual(before.bytes);
    expect(statSync(file).mtimeMs).toBe(before.mtime);
  });
});
