import type { Issue } from '../../src/model/issue.js';
import { isDatacheckError } from '../../src/model/issue.js';

/** The Issue a synchronous call throws as a DatacheckError; any other outcome fails the test. */
export function issueOf(f: () => unknown): Issue {
  try {
    f();
  } catch (e) {
    if (isDatacheckError(e)) return e.issue;
    throw e;
  }
  throw new Error('expected a DatacheckError');
}
