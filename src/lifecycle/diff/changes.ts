/** Breaking: data valid under the old contract may fail the new one, or a consumer loses something it read. */
export type Impact = 'breaking' | 'non-breaking' | 'informational';

/** One difference between two versions of a contract. */
export interface ContractChange {
  impact: Impact;
  /** A stable name of what kind of change it is, e.g. `column.removed`, `allowed_value.added`. */
  kind: string;
  /** The column it is about, when it is about one. */
  column?: string;
  /** One sentence: what changed, with the old and new values. */
  message: string;
}
