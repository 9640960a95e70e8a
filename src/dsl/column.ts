import type { ColumnDef, Scalar, StringFormat } from '../model/contract.js';
import type { SourceLocation } from '../model/issue.js';
import { DatacheckError } from '../model/issue.js';
import { captureCallSite } from './call-site.js';
import { checkBoundOrder, checkOptions, checkRegex } from './validate.js';
import { noPiiDef } from './pii-options.js';
import type { NoPiiOptions } from './pii-options.js';
import { plainScalars, plainValue } from './plain-value.js';

/** What kind of values a column holds; decides which checks a suite may write on it. */
export type Family = 'bool' | 'numeric' | 'string' | 'temporal' | 'binary' | 'nested';

/** A bound value as a user writes it: numbers for numeric columns, ISO strings or Dates for temporal ones. */
export type BoundInput<F extends Family> = F extends 'numeric'
  ? number | bigint
  : F extends 'temporal'
    ? string | Date
    : F extends 'string'
      ? string
      : never;

/**
 * An immutable column builder. Its type parameters carry what the contract promises to the type
 * checker: the row value type `T`, the family `F` (which checks make sense) and nullability `N`.
 * Methods that only make sense for some families declare a `this` type, so `col.string().min(3)`
 * is a compile error rather than a runtime surprise.
 */
export class Column<T, F extends Family, N extends boolean = false> {
  /** Phantom: never set at runtime; read by RowOf and the suite builder's types. */
  declare readonly __column: { value: T; family: F; nullable: N };
  readonly def: ColumnDef;
  readonly family: F;
  /** Where the column was declared; contract-derived checks point here. */
  readonly location: SourceLocation;

  constructor(def: ColumnDef, family: F, location: SourceLocation = captureCallSite()) {
    this.def = def;
    this.family = family;
    this.location = location;
  }

  private with<R = this>(patch: Partial<ColumnDef>): R {
    return new Column({ ...this.def, ...patch }, this.family, this.location) as R;
  }

  /** Allows nulls (columns are NOT NULL by default, like dbt contracts). */
  nullable(): Column<T, F, true> {
    return this.with({ nullable: true });
  }
  /** Not null and unique. */
  primaryKey(): this {
    return this.with({ primaryKey: true });
  }
  unique(): this {
    return this.with({ unique: true });
  }
  /** The only allowed values. On string columns the row type narrows to these literals. */
  oneOf<const V extends readonly string[]>(this: Column<string, 'string', N>, values: V): Column<V[number], 'string', N>;
  oneOf(values: readonly Scalar[]): this;
  oneOf(values: readonly Scalar[]): unknown {
    if (!Array.isArray(values) || values.length === 0) {
      throw optionError('oneOf', 'a non-empty array of values', JSON.stringify(values) ?? String(values), this.location);
    }
    return this.with({ oneOf: plainScalars(values) });
  }
  min(this: Column<T, 'numeric' | 'temporal' | 'string', N>, value: BoundInput<F>): this {
    return this.bounded('min', plainValue(value)!, this.def.max);
  }
  max(this: Column<T, 'numeric' | 'temporal' | 'string', N>, value: BoundInput<F>): this {
    return this.bounded('max', this.def.min, plainValue(value)!);
  }
  /** Inclusive range. */
  between(this: Column<T, 'numeric' | 'temporal' | 'string', N>, min: BoundInput<F>, max: BoundInput<F>): this {
    return this.bounded('between', plainValue(min)!, plainValue(max)!);
  }
  /** String length in characters, inclusive; `max` optional. */
  length(this: Column<T, 'string', N>, min: number, max?: number): this {
    checkBoundOrder(min, max, 'length()', this.location, { code: 'contract.invalid_option' });
    return this.with({ length: { min, ...(max === undefined ? {} : { max }) } });
  }
  private bounded<R>(what: string, min: number | string | undefined, max: number | string | undefined): R {
    checkBoundOrder(min, max, `${what}()`, this.location, { code: 'contract.invalid_option' });
    return this.with({ ...(min !== undefined && { min }), ...(max !== undefined && { max }) });
  }
  pattern(this: Column<T, 'string', N>, regex: RegExp | string): this {
    const source = typeof regex === 'string' ? regex : regex.source;
    const flags = typeof regex === 'string' ? '' : regex.flags.replace(/[gy]/g, '');
    checkRegex(source, flags, this.location);
    return this.with({ pattern: source, ...(flags && { patternFlags: flags }) });
  }
  format(this: Column<T, 'string', N>, format: StringFormat): this {
    return this.with({ format });
  }
  /** A foreign key: `'customers.customer_id'`. */
  references(target: `${string}.${string}`): this {
    if (typeof target !== 'string' || !/^[^.]+\.[^.]+$/.test(target)) {
      throw optionError('references', "'dataset.column'", String(target), this.location);
    }
    return this.with({ references: target });
  }
  description(text: string): this {
    return this.with({ description: text });
  }
  /**
   * Free text that must hold no personal data (e-mail addresses, phone numbers, card numbers,
   * IBANs, national identifiers; `kinds` narrows it): a no_pii check from the contract.
   */
  noPii(this: Column<T, 'string', N>, options?: NoPiiOptions): this {
    checkOptions(options, ['kinds', 'phoneCountry'], 'noPii()', this.location);
    return this.with({ noPii: noPiiDef(options, 'noPii()', this.location) });
  }
  /** Personal data: its values are masked in every report, sample, log and lineage event. */
  pii(): this {
    return this.with({ pii: true });
  }
  tags(...tags: string[]): this {
    return this.with({ tags: [...(this.def.tags ?? []), ...tags] });
  }
}

export type AnyColumn = Column<any, Family, boolean>;

function optionError(option: string, expected: string, found: string, location: SourceLocation): DatacheckError {
  return new DatacheckError({
    code: 'contract.invalid_option',
    message: `${option}() expects ${expected}, found ${found}`,
    location,
    expected,
    found,
  });
}
