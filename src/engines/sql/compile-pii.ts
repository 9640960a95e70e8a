import type { MetricSpec, PiiFindingsValue } from '../../model/metric.js';
import { call, col as exprCol, lit } from '../../expr/build.js';
import { countKinds, describeFindings, findPii, noneFound, PII_CANDIDATE_PATTERN } from '../../pii/find-pii.js';
import type { SqlExpr } from './ast.js';
import { col, countStar, isNull } from './ast.js';
import type { CompiledQuery } from './compiled-query.js';
import type { ExprContext } from './compile-expr.js';
import { SqlUnsupported, compilePredicate } from './compile-expr.js';
import type { CompileInput } from './compile-input.js';
import { filterOf } from './compile-input.js';
import { missingColumn } from './metric-values.js';

type PiiSpec = Extract<MetricSpec, { kind: 'pii_findings' }>;
type Add = (part: string, expr: SqlExpr) => string;

/**
 * At most this many candidate values (those holding an `@` or an ASCII digit) are read back to
 * be verified in the process. The detectors' checksums (Luhn, mod 97, the 11-test, libphonenumber's
 * rules) are not portable SQL, so the database only narrows the values down; past the bound the
 * metric is `sql.unsupported` (a file source with `fallback: 'arrow'` then streams through the
 * Arrow engine, which verifies every value) rather than an answer from part of the data. 100,000
 * short notes are a few MB; one value is capped by nothing, so a column of long texts costs more.
 */
export const PII_CANDIDATE_LIMIT = 100_000;

const ROW = '__dc_row';
const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

function filters(spec: PiiSpec, ctx: ExprContext): { considered: SqlExpr | undefined; candidate: SqlExpr | undefined } {
  if (!ctx.columns.has(spec.column)) throw missingColumn(spec.column, ctx);
  if (ctx.columns.get(spec.column) !== 'string')
    throw new SqlUnsupported(`personal-data detection reads string columns only, and '${spec.column}' is not one`);
  const present = isNull(col(spec.column), true);
  const candidate = compilePredicate(call('matches', exprCol(spec.column), lit(PII_CANDIDATE_PATTERN)), ctx);
  return { considered: filterOf(spec.where, ctx, present), candidate: filterOf(spec.where, ctx, present, candidate) };
}

/** The aggregate query's part: rows considered and candidate values. */
export function piiCounts(spec: PiiSpec, ctx: ExprContext, add: Add): void {
  const f = filters(spec, ctx);
  add('considered', countStar(f.considered));
  add('candidates', countStar(f.candidate));
}

/** The candidate values in row order, verified here: every count and the sample come from them. */
export function piiCandidates(
  key: string,
  spec: PiiSpec,
  ctx: ExprContext,
  input: CompileInput,
  alias: (part: string) => string,
  numbered: CompileInput['from'],
): CompiledQuery {
  const { candidate } = filters(spec, ctx);
  const counted = (s: { aggregate: Record<string, unknown> }) => ({
    considered: n(s.aggregate[alias('considered')]),
    candidates: n(s.aggregate[alias('candidates')]),
  });
  const empty = (considered: number): PiiFindingsValue => ({ considered, failed: 0, found: noneFound(), sample: [] });
  return {
    label: `candidate values of ${spec.column} for personal-data detection`,
    keys: [key],
    select: {
      t: 'select',
      // No row number where the relation has no one row order (a ClickHouse Distributed table).
      columns: [...(input.rowNumbers === false ? [] : [{ expr: col(ROW), alias: ROW }]), { expr: col(spec.column), alias: 'v' }],
      from: numbered,
      ...(candidate && { where: candidate }),
      ...(input.rowNumbers !== false && { orderBy: [{ expr: col(ROW) }] }),
      limit: PII_CANDIDATE_LIMIT,
    },
    runIf: (s) => {
      const c = counted(s).candidates;
      return c > 0 && c <= PII_CANDIDATE_LIMIT;
    },
    onSkip(s) {
      const { considered, candidates } = counted(s);
      if (candidates === 0) return void s.results.set(key, { ok: true, value: empty(considered) });
      s.results.set(key, {
        ok: false,
        issue: {
          code: 'sql.unsupported',
          message: `pii_findings cannot be pushed down to ${input.dialect.name}: ${candidates} values of '${spec.column}' hold an @ or a digit, more than the ${PII_CANDIDATE_LIMIT} candidates read back to verify in the process (the checksums are not portable SQL)`,
          found: 'pii_findings',
        },
      });
    },
    apply(rows, s) {
      const value = empty(counted(s).considered);
      const options = { kinds: spec.kinds, phoneCountry: spec.phoneCountry };
      for (const r of rows) {
        const findings = typeof r.v === 'string' ? findPii(r.v, options) : [];
        if (findings.length === 0) continue;
        value.failed++;
        countKinds(value.found, findings);
        if (value.sample.length < spec.sampleSize)
          value.sample.push({ row: r[ROW] === undefined ? null : n(r[ROW]), values: { [spec.column]: describeFindings(findings) } });
      }
      s.results.set(key, { ok: true, value });
    },
  };
}
