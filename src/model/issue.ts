import type { IssueCode } from './issue-codes.js';

/** Where something was written: a user's contract/suite file, or a data file position. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/**
 * A problem explained to a human: what was expected, what was found, and where.
 * Issues are values; they travel in results instead of being thrown through the run.
 */
export interface Issue {
  /** Stable machine code, e.g. `csv.ragged_row`, `contract.duplicate_name`: one of ISSUE_CODES (issue-codes.ts). */
  code: IssueCode;
  message: string;
  location?: SourceLocation;
  expected?: string;
  found?: string;
  hint?: string;
}

/** An error that carries an Issue. Thrown only inside loaders/sources; the runner turns it into a value. */
export class DatacheckError extends Error {
  readonly issue: Issue;
  constructor(issue: Issue) {
    super(issue.message);
    this.name = 'DatacheckError';
    this.issue = issue;
  }
}

export function isDatacheckError(e: unknown): e is DatacheckError {
  return e instanceof Error && (e as { issue?: unknown }).issue !== undefined && e.name === 'DatacheckError';
}
