import { describe, expect, it } from 'vitest';
import { translateTest } from '../../../src/import/dbt/translate-test.js';
import type { DbtTest } from '../../../src/import/dbt/dbt-yaml-model.js';

const t = (name: string, args: Record<string, unknown> = {}, config: Partial<DbtTest> = {}): DbtTest => ({ name, args, ...config });

describe('one dbt test as datacheck checks', () => {
  it('core tests with the default config are contract promises', () => {
    expect(translateTest(t('not_null'), 'id')).toEqual([{ to: 'contract', promise: { notNull: true } }]);
    expect(translateTest(t('unique'), 'id')).toEqual([{ to: 'contract', promise: { unique: true } }]);
    expect(translateTest(t('accepted_values', { values: ['a', 'b'] }), 's')).toEqual([{ to: 'contract', promise: { oneOf: ['a', 'b'] } }]);
    expect(translateTest(t('relationships', { to: "ref('customers')", field: 'id' }), 'customer_id')).toEqual([
      { to: 'contract', promise: { references: 'customers.id' } },
    ]);
    expect(translateTest(t('relationships', { to: "source('raw', 'people')", field: 'id' }), 'p')).toEqual([
      { to: 'contract', promise: { references: 'raw__people.id' } },
    ]);
  });

  it('severity, where and description move a test to the suite, kept on the check', () => {
    expect(translateTest(t('not_null', {}, { severity: 'warn', where: "status = 'x'", description: 'mostly filled' }), 'a')).toEqual([
      { to: 'suite', code: "t.column('a').notNull().warn().where('status = \\'x\\'').title('mostly filled')" },
    ]);
  });

  it('dbt_utils and dbt_expectations tests', () => {
    const code = (test: DbtTest, column?: string) => translateTest(test, column).map((x) => (x.to === 'suite' ? x.code : x));
    expect(code(t('dbt_utils.accepted_range', { min_value: 0, max_value: 10, inclusive: false }), 'n')).toEqual([
      "t.column('n').between(0, 10, { strict: true })",
    ]);
    expect(code(t('dbt_expectations.expect_column_values_to_be_between', { min_value: 1, mostly: 0.9 }), 'n')).toEqual([
      "t.column('n').between(1, null, { mostly: 0.9 })",
    ]);
    expect(code(t('dbt_expectations.expect_column_values_to_match_regex', { regex: '^[a-z]+$' }), 's')).toEqual([
      "t.column('s').matches(new RegExp('^[a-z]+$'))",
    ]);
    expect(code(t('dbt_expectations.expect_table_row_count_to_be_between', { min_value: 1, max_value: 100 }))).toEqual([
      't.rowCount().between(1, 100)',
    ]);
    expect(code(t('dbt_utils.not_accepted_values', { values: [0] }), 'n')).toEqual(["t.column('n').noneOf([0])"]);
    expect(code(t('dbt_utils.expression_is_true', { expression: '>= 0' }), 'amount')).toEqual([
      "t.rowCount().equals(0).where('not (amount >= 0)')",
    ]);
    expect(code(t('dbt_utils.equal_rowcount', { compare_model: "ref('orders')" }), undefined)).toEqual([
      "t.rowCount().equalsDataset('orders')",
    ]);
    expect(code(t('dbt_utils.equal_rowcount', { compare_model: "source('shop', 'raw_orders')" }, { where: 'id > 3' }), undefined)).toEqual([
      "t.rowCount().equalsDataset('shop__raw_orders').where('id > 3')",
    ]);
    expect(translateTest(t('dbt_utils.recency', { datepart: 'hour', field: 'at', interval: 12 }), undefined)).toEqual([
      { to: 'freshness', column: 'at', within: '12h' },
    ]);
  });

  it('warn_if / error_if bound the failing rows, one check per severity', () => {
    const out = translateTest(t('not_null', {}, { errorIf: '>100', warnIf: '>= 10' }), 'a');
    expect(out).toEqual([
      { to: 'suite', code: "t.column('a').nullCount().atMost(100)" },
      { to: 'suite', code: "t.column('a').nullCount().atMost(9).warn()" },
    ]);
  });

  it('what has no equivalent is returned with the reason, never dropped', () => {
    const reasons = (test: DbtTest) => translateTest(test, 'c').map((x) => (x.to === 'none' ? x.reason : 'translated'));
    expect(reasons(t('dbt_utils.equal_rowcount', { compare_model: "ref('x')", group_by_columns: ['day'] }))).toEqual([
      'equal_rowcount with group_by_columns: datacheck compares whole row counts',
    ]);
    expect(reasons(t('dbt_utils.fewer_rows_than', { compare_model: "ref('x')" }))[0]).toContain('for equality');
    expect(reasons(t('unique', {}, { errorIf: '>5' }))[0]).toContain('warn_if/error_if on unique');
    expect(reasons(t('dbt_utils.expression_is_true', { expression: "= any(array['a'])" }))[0]).toContain(
      "not in datacheck's filter language",
    );
    expect(reasons(t('my_package.custom_test'))).toEqual(['my_package.custom_test: no datacheck check is known to mean the same']);
    expect(reasons(t('not_null', {}, { where: "date_trunc('day', at) = current_date" }))[0]).toContain('where');
  });
});
