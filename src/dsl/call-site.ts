import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { SourceLocation } from '../model/issue.js';

// The package root (…/datacheck), whether we run from src/ (tests) or dist/src/ (the CLI).
const ownFile = fileURLToPath(import.meta.url);
const packageRoot = ownFile.replace(/[\\/](dist[\\/])?src[\\/]dsl[\\/]call-site\.[jt]s$/, '');
const ownDirs = [path.join(packageRoot, 'src') + path.sep, path.join(packageRoot, 'dist') + path.sep];

const FRAME = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?\s*$/;

/**
 * Where the user's code called into the DSL: the first stack frame outside datacheck itself and
 * outside node internals. Reports point at this `file:line` ("checks/orders.check.ts:12").
 */
export function captureCallSite(): SourceLocation {
  const previous = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = previous;
  for (const line of stack.split('\n').slice(1)) {
    const m = FRAME.exec(line.trim());
    if (!m) continue;
    let file = m[1];
    if (file.startsWith('file://')) file = fileURLToPath(file);
    if (file.startsWith('node:') || !path.isAbsolute(file)) continue;
    if (ownDirs.some((d) => file.startsWith(d))) continue;
    if (file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    return { file, line: Number(m[2]), column: Number(m[3]) };
  }
  return { file: '<unknown>', line: 0, column: 0 };
}
