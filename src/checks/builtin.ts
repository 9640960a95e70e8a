import type { CheckKind } from './check-kind.js';
import { acceptedValues } from './kinds/accepted-values.js';
import { anomaly } from './kinds/anomaly.js';
import { change } from './kinds/change.js';
import { columnCount } from './kinds/column-count.js';
import { columnPair } from './kinds/column-pair.js';
import { columnStat } from './kinds/column-stat.js';
import { columnType } from './kinds/column-type.js';
import { dateFormat } from './kinds/date-format.js';
import { drift } from './kinds/drift.js';
import { expect } from './kinds/expect.js';
import { format } from './kinds/format.js';
import { fileFreshness } from './kinds/file-freshness.js';
import { freshness } from './kinds/freshness.js';
import { isNull } from './kinds/is-null.js';
import { keysMatch } from './kinds/keys-match.js';
import { jsonParseable } from './kinds/json-parseable.js';
import { length } from './kinds/length.js';
import { noPii } from './kinds/no-pii.js';
import { monotonic } from './kinds/monotonic.js';
import { notNull } from './kinds/not-null.js';
import { pattern } from './kinds/pattern.js';
import { range } from './kinds/range.js';
import { reconcile } from './kinds/reconcile.js';
import { references } from './kinds/references.js';
import { rowCount } from './kinds/row-count.js';
import { schema } from './kinds/schema.js';
import { sqlRule } from './kinds/sql-rule.js';
import { sumEquals } from './kinds/sum-equals.js';
import { unique } from './kinds/unique.js';
import { valueSet } from './kinds/value-set.js';
import { uniqueWithinRecord } from './kinds/unique-within-record.js';
import { violations } from './kinds/violations.js';

/** Every check kind, listed explicitly (no registration by import side effects). */
const KINDS: CheckKind<any>[] = [
  schema,
  columnType,
  notNull,
  isNull,
  unique,
  acceptedValues,
  range,
  length,
  pattern,
  format,
  noPii,
  rowCount,
  columnCount,
  columnStat,
  freshness,
  fileFreshness,
  references,
  violations,
  sqlRule,
  change,
  anomaly,
  drift,
  reconcile,
  keysMatch,
  valueSet,
  expect,
  columnPair,
  sumEquals,
  uniqueWithinRecord,
  jsonParseable,
  dateFormat,
  monotonic,
];

export const CHECK_KINDS: ReadonlyMap<string, CheckKind<any>> = new Map(KINDS.map((k) => [k.kind, k]));
