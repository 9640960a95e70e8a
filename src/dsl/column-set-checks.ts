import type { RowCheckOptions } from '../model/check.js';
import type { ContractDef } from '../model/contract.js';
import { DatacheckError } from '../model/issue.js';
import type { SourceLocation } from '../model/issue.js';
import { captureCallSite } from './call-site.js';
import { SuiteCheck, orInvalid } from './suite-check.js';
import { checkOptions } from './validate.js';

/** Checks over several columns of each row: `t.columns('net', 'tax').sumEquals('gross')`. */
export interface ColumnSetChecks<K extends string> {
  /**
   * The columns add up to `total` (a number, or another column) in each row: exact in 64-bit
   * floating point; a row with a null among them is not considered.
   */
  sumEquals(total: number | K, options?: RowCheckOptions): SuiteCheck;
  /** No two of the columns hold the same value in a row (nulls are skipped). */
  uniqueWithinRecord(options?: RowCheckOptions): SuiteCheck;
}

/** Checks of a pair (a, b) of comparable columns; a row with a null on either side is not considered. */
export interface ColumnPairChecks<K extends string> extends ColumnSetChecks<K> {
  /** a = b in each row. */
  equal(options?: RowCheckOptions): SuiteCheck;
  /** a > b in each row (a >= b with `orEqual`). */
  aGreaterThanB(options?: PairOrderOptions): SuiteCheck;
  /** a < b in each row (a <= b with `orEqual`). */
  aLessThanB(options?: PairOrderOptions): SuiteCheck;
}

export interface PairOrderOptions extends RowCheckOptions {
  /** Equal values pass too. Default false. */
  orEqual?: boolean;
}

/** Runtime implementation behind both interfaces (the types decide what is reachable). */
export class ColumnSet implements ColumnPairChecks<string> {
  private readonly contract: ContractDef;
  private readonly names: readonly string[];
  constructor(contract: ContractDef, names: readonly string[]) {
    this.contract = contract;
    this.names = names;
  }

  equal(options?: RowCheckOptions) {
    return this.pair('equal', '=', options, ['mostly']);
  }
  aGreaterThanB(options?: PairOrderOptions) {
    return this.pair('aGreaterThanB', options?.orEqual ? '>=' : '>', options, ['mostly', 'orEqual']);
  }
  aLessThanB(options?: PairOrderOptions) {
    return this.pair('aLessThanB', options?.orEqual ? '<=' : '<', options, ['mostly', 'orEqual']);
  }
  sumEquals(total: number | string, options?: RowCheckOptions) {
    return this.check('sumEquals', options, ['mostly'], 1, (location) => {
      if (typeof total === 'number' && Number.isFinite(total)) return { kind: 'sum_equals', params: { columns: [...this.names], total } };
      if (typeof total === 'string') {
        this.known([total], 'sumEquals', location);
        return { kind: 'sum_equals', params: { columns: [...this.names], total: { column: total } }, extra: [total] };
      }
      throw this.invalid(
        'sumEquals',
        'a finite number or the name of a column',
        typeof total === 'number' ? String(total) : (JSON.stringify(total) ?? String(total)),
        location,
      );
    });
  }
  uniqueWithinRecord(options?: RowCheckOptions) {
    return this.check('uniqueWithinRecord', options, ['mostly'], 2, () => ({ kind: 'unique_within_record', params: {} }));
  }

  private pair(method: string, relation: string, options: object | undefined, allowed: readonly string[]): SuiteCheck {
    return this.check(method, options, allowed, 2, (location) => {
      if (this.names.length !== 2) {
        throw this.invalid(method, 'exactly two columns: t.columns(a, b)', `${this.names.length} columns`, location);
      }
      const orEqual = (options as PairOrderOptions | undefined)?.orEqual;
      if (orEqual !== undefined && typeof orEqual !== 'boolean') {
        throw this.invalid(method, 'orEqual: true or false', JSON.stringify(orEqual) ?? String(orEqual), location);
      }
      return { kind: 'column_pair', params: { relation } };
    });
  }

  /** Validates the names and options, then drafts the check; any mistake becomes the check's problem (see orInvalid). */
  private check(
    method: string,
    options: object | undefined,
    allowed: readonly string[],
    fewest: number,
    build: (location: SourceLocation) => { kind: string; params: Record<string, unknown>; extra?: string[] },
  ): SuiteCheck {
    const location = captureCallSite();
    return orInvalid(() => {
      checkOptions(options, allowed, `columns(${this.names.join(', ')}).${method}`, location);
      if (this.names.length < fewest || this.names.some((n) => typeof n !== 'string')) {
        throw this.invalid(method, `at least ${fewest} column name${fewest === 1 ? '' : 's'}`, JSON.stringify(this.names), location);
      }
      if (new Set(this.names).size !== this.names.length)
        throw this.invalid(method, 'distinct columns', JSON.stringify(this.names), location);
      this.known(this.names, method, location);
      const { kind, params, extra = [] } = build(location);
      const mostly = (options as RowCheckOptions | undefined)?.mostly;
      return new SuiteCheck({
        kind,
        columns: [...this.names, ...extra],
        params,
        severity: 'error',
        ...(mostly !== undefined && { mostly }),
        location,
      });
    }, SuiteCheck.invalid);
  }

  /** A name the contract does not declare is a compile error in TypeScript; plain JavaScript learns it here. */
  private known(names: readonly string[], method: string, location: SourceLocation): void {
    const unknown = names.filter((n) => !(n in this.contract.columns));
    if (unknown.length > 0) {
      const declared = Object.keys(this.contract.columns).join(', ');
      throw this.invalid(method, `columns of '${this.contract.name}': ${declared}`, unknown.join(', '), location);
    }
  }

  private invalid(method: string, expected: string, found: string, location: SourceLocation): DatacheckError {
    return new DatacheckError({
      code: 'check.invalid_option',
      message: `columns(${this.names.join(', ')}).${method} needs ${expected}`,
      location,
      expected,
      found,
    });
  }
}
