import type { SourceLocation } from '../model/issue.js';
import { userFrame } from '../package-root.js';

/**
 * Where the user's code called into the DSL: the first stack frame outside datacheck itself and
 * outside node internals. Reports point at this `file:line` ("checks/orders.check.ts:12").
 */
export function captureCallSite(): SourceLocation {
  const previous = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  const stack = new Error().stack;
  Error.stackTraceLimit = previous;
  return userFrame(stack) ?? { file: '<unknown>', line: 0, column: 0 };
}
