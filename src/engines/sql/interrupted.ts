import { DatacheckError } from '../../model/issue.js';

/** What a query of a stopped run rejects with, on every driver: one code, the connection named. */
export function interruptedError(where: string): DatacheckError {
  return new DatacheckError({
    code: 'run.interrupted',
    message: `the run was interrupted: the query on ${where} was cancelled`,
  });
}
