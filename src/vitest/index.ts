/**
 * `datacheck/vitest`: data tests as ordinary vitest tests.
 *
 *   import { expect } from 'vitest';
 *   import { dataset, datacheckMatchers } from 'datacheck/vitest';
 *   expect.extend(datacheckMatchers);
 *   await expect(dataset(orders)).toSatisfyContract();
 *
 * Only vitest's types are imported (for the matcher declarations below); vitest itself stays the
 * user's dependency.
 */
import type { DatacheckMatchers } from './matchers.js';
// Resolves vitest's declarations for the augmentation below (types only: erased from the build).
import type {} from 'vitest';

export { dataset } from './dataset.js';
export type { Dataset, DatasetOptions } from './dataset.js';
export { datacheckMatchers } from './matchers.js';
export type { ColumnOf, DatacheckMatchers } from './matchers.js';

declare module 'vitest' {
  // The type parameter must be named and defaulted exactly as vitest declares it to merge.
  // biome-ignore lint/suspicious/noExplicitAny: vitest's own declaration is `Matchers<T = any>`
  interface Matchers<T = any> extends DatacheckMatchers<T> {}
}
