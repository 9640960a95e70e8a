import type { ColumnDef, ContractDef, Scalar } from '../../model/contract.js';
import { parseDuration } from '../../checks/duration.js';
import type { ContractChange, Impact } from './changes.js';
import { typeText } from '../../checks/type-compat.js';
import { compareTypes } from './type-order.js';

/**
 * Every change from `before` to `after`, classified. The rule behind each class: a change is
 * breaking when data that passed the old contract may fail the new one (a narrowed type, a new
 * bound, a removed allowed value, nullable → required), or when a consumer loses what it read (a
 * removed column, a changed key or reference); it is non-breaking when it only lets more data pass
 * or adds something optional; documentation (description, owner, tags) is informational.
 */
export function compareContracts(before: ContractDef, after: ContractDef): ContractChange[] {
  const changes: ContractChange[] = [];
  const add = (impact: Impact, kind: string, message: string, column?: string) =>
    changes.push({ impact, kind, message, ...(column !== undefined && { column }) });

  if (before.name !== after.name) add('breaking', 'contract.renamed', `contract renamed from '${before.name}' to '${after.name}'`);
  for (const [name, old] of Object.entries(before.columns)) {
    const now = after.columns[name];
    if (!now) add('breaking', 'column.removed', `column '${name}' removed`, name);
    else compareColumn(name, old, now, add);
  }
  for (const [name, now] of Object.entries(after.columns)) {
    if (name in before.columns) continue;
    if (now.nullable) add('non-breaking', 'column.added_optional', `nullable column '${name}' (${typeText(now.type)}) added`, name);
    else add('breaking', 'column.added_required', `required column '${name}' (${typeText(now.type)}) added: data without it fails`, name);
  }
  compareKeys(before, after, add);
  compareContractRules(before, after, add);
  return changes;
}

type Add = (impact: Impact, kind: string, message: string, column?: string) => void;

function compareColumn(name: string, old: ColumnDef, now: ColumnDef, add: Add): void {
  const typeChange = compareTypes(old.type, now.type);
  const types = `${typeText(old.type)} → ${typeText(now.type)}`;
  if (typeChange === 'widened') add('non-breaking', 'type.widened', `'${name}': type widened, ${types}`, name);
  if (typeChange === 'narrowed') add('breaking', 'type.narrowed', `'${name}': type narrowed, ${types}`, name);
  if (typeChange === 'changed') add('breaking', 'type.changed', `'${name}': type changed, ${types}`, name);

  if (old.nullable && !now.nullable) add('breaking', 'nullability.required', `'${name}': nullable → required`, name);
  if (!old.nullable && now.nullable) add('non-breaking', 'nullability.nullable', `'${name}': required → nullable`, name);

  compareAllowed(name, old.oneOf, now.oneOf, add);
  compareBound(name, 'min', old.min, now.min, add);
  compareBound(name, 'max', old.max, now.max, add);
  compareBound(name, 'minimum length', old.length?.min, now.length?.min, add);
  compareBound(name, 'maximum length', old.length?.max, now.length?.max, add);
  compareRule(name, 'pattern', show(old.pattern, old.patternFlags), show(now.pattern, now.patternFlags), add);
  compareRule(name, 'format', old.format, now.format, add);
  compareRule(name, 'reference', old.references, now.references, add);
  if (!old.unique && now.unique) add('breaking', 'unique.added', `'${name}': now unique`, name);
  if (old.unique && !now.unique) add('non-breaking', 'unique.removed', `'${name}': no longer unique`, name);
  if (!old.pii && now.pii) add('informational', 'pii.added', `'${name}': marked pii (its values are masked in reports)`, name);
  if (old.pii && !now.pii) add('informational', 'pii.removed', `'${name}': no longer marked pii (its values appear in reports)`, name);
  if (old.description !== now.description) add('informational', 'description.changed', `'${name}': description changed`, name);
}

const show = (pattern: string | undefined, flags: string | undefined) => (pattern === undefined ? undefined : `/${pattern}/${flags ?? ''}`);

function compareAllowed(name: string, old: Scalar[] | undefined, now: Scalar[] | undefined, add: Add): void {
  if (old === undefined && now === undefined) return;
  if (old === undefined) {
    add('breaking', 'allowed_values.added', `'${name}': values now limited to ${list(now!)}`, name);
    return;
  }
  if (now === undefined) {
    add('non-breaking', 'allowed_values.removed', `'${name}': any value allowed (was ${list(old)})`, name);
    return;
  }
  const key = (v: Scalar) => `${typeof v}:${String(v)}`;
  const oldKeys = new Set(old.map(key));
  const nowKeys = new Set(now.map(key));
  const removed = old.filter((v) => !nowKeys.has(key(v)));
  const added = now.filter((v) => !oldKeys.has(key(v)));
  if (removed.length > 0)
    add('breaking', 'allowed_value.removed', `'${name}': allowed value${removed.length > 1 ? 's' : ''} ${list(removed)} removed`, name);
  if (added.length > 0)
    add('non-breaking', 'allowed_value.added', `'${name}': allowed value${added.length > 1 ? 's' : ''} ${list(added)} added`, name);
}

const list = (values: Scalar[]) => values.map((v) => JSON.stringify(typeof v === 'bigint' ? String(v) : v)).join(', ');

/** A lower bound that rises, or an upper one that falls, lets less data pass: breaking. */
function compareBound(name: string, what: string, old: number | string | undefined, now: number | string | undefined, add: Add): void {
  if (old === now) return;
  const lower = what === 'min' || what === 'minimum length';
  const text = `'${name}': ${what} ${old === undefined ? 'none' : JSON.stringify(old)} → ${now === undefined ? 'none' : JSON.stringify(now)}`;
  if (now === undefined) add('non-breaking', 'bound.relaxed', `${text} (removed)`, name);
  else if (old === undefined) add('breaking', 'bound.tightened', `${text} (added)`, name);
  else {
    const rises = compareValues(now, old) > 0;
    const tighter = lower ? rises : !rises;
    add(tighter ? 'breaking' : 'non-breaking', tighter ? 'bound.tightened' : 'bound.relaxed', text, name);
  }
}

/** Numbers as numbers; ISO dates and timestamps as instants; other strings in code-unit order. */
function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const ta = Date.parse(String(a));
  const tb = Date.parse(String(b));
  if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta - tb;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** A rule that appears or changes may reject data that passed; one that goes away only lets more pass. */
function compareRule(name: string, what: string, old: string | undefined, now: string | undefined, add: Add): void {
  if (old === now) return;
  const kind = what.replace(/ /g, '_');
  if (now === undefined) add('non-breaking', `${kind}.removed`, `'${name}': ${what} ${old} removed`, name);
  else if (old === undefined) add('breaking', `${kind}.added`, `'${name}': ${what} ${now} added`, name);
  else add('breaking', `${kind}.changed`, `'${name}': ${what} ${old} → ${now}`, name);
}

/** The key is who a row is: any change to it (one column marked, or a compound key) is breaking. */
function compareKeys(before: ContractDef, after: ContractDef, add: Add): void {
  const key = (c: ContractDef) => c.primaryKey ?? Object.keys(c.columns).filter((n) => c.columns[n].primaryKey);
  const old = key(before);
  const now = key(after);
  if (old.join('\u0000') === now.join('\u0000')) return;
  const text = (k: string[]) => (k.length === 0 ? 'none' : `[${k.join(', ')}]`);
  add('breaking', 'key.changed', `primary key ${text(old)} → ${text(now)}`);
}

function compareContractRules(before: ContractDef, after: ContractDef, add: Add): void {
  const oldExtra = before.extraColumns ?? 'allow';
  const nowExtra = after.extraColumns ?? 'allow';
  if (oldExtra !== nowExtra) {
    if (nowExtra === 'forbid') add('breaking', 'extra_columns.forbidden', 'columns the contract does not name are now refused');
    else add('non-breaking', 'extra_columns.allowed', 'columns the contract does not name are now allowed');
  }
  const oldFresh = before.freshness;
  const nowFresh = after.freshness;
  if (JSON.stringify(oldFresh) !== JSON.stringify(nowFresh)) {
    const what = (f: NonNullable<ContractDef['freshness']>) => ('file' in f ? 'file modified' : f.column);
    const text = (f: ContractDef['freshness']) => (f ? `${what(f)} within ${f.within}` : 'none');
    const tighter =
      nowFresh !== undefined &&
      (oldFresh === undefined ||
        what(oldFresh) !== what(nowFresh) ||
        (parseDuration(nowFresh.within) ?? Infinity) < (parseDuration(oldFresh.within) ?? Infinity));
    add(
      tighter ? 'breaking' : 'non-breaking',
      tighter ? 'freshness.tightened' : 'freshness.relaxed',
      `freshness ${text(oldFresh)} → ${text(nowFresh)}`,
    );
  }
  if (JSON.stringify(before.source) !== JSON.stringify(after.source)) add('informational', 'source.changed', 'source changed');
  if (before.owner !== after.owner) add('informational', 'owner.changed', `owner ${before.owner ?? 'none'} → ${after.owner ?? 'none'}`);
  if (before.description !== after.description) add('informational', 'description.changed', 'description changed');
}
