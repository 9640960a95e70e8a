import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceLocation } from './model/issue.js';

// This file is src/package-root.ts under vitest and dist/src/package-root.js in the built CLI.
const ownFile = fileURLToPath(import.meta.url);

/** The datacheck package's own directory, whether it runs from src/ (tests) or dist/src/ (the CLI). */
export const PACKAGE_ROOT = ownFile.replace(/[\\/](dist[\\/])?src[\\/]package-root\.[jt]s$/, '');

/** True when running the compiled package (dist/src), false under vitest (src). */
export const FROM_DIST = /[\\/]dist[\\/]src[\\/]package-root\.js$/.test(ownFile);

const OWN_DIRS = [path.join(PACKAGE_ROOT, 'src') + path.sep, path.join(PACKAGE_ROOT, 'dist') + path.sep];

/** Is this file part of datacheck itself (not the user's code)? */
export function isPackageFile(file: string): boolean {
  return OWN_DIRS.some((d) => file.startsWith(d));
}

const FRAME = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?\s*$/;

/** The file:line:column of each frame of a V8 stack trace, top first. */
export function stackFrames(stack: string | undefined): SourceLocation[] {
  const out: SourceLocation[] = [];
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const m = FRAME.exec(line.trim());
    if (!m) continue;
    const file = m[1].startsWith('file://') ? fileURLToPath(m[1]) : m[1];
    out.push({ file, line: Number(m[2]), column: Number(m[3]) });
  }
  return out;
}

/** The topmost frame in the user's own code: outside datacheck, node internals and node_modules. */
export function userFrame(stack: string | undefined, exists: (file: string) => boolean = () => true): SourceLocation | undefined {
  return stackFrames(stack).find(
    (f) => path.isAbsolute(f.file) && !isPackageFile(f.file) && !f.file.includes(`${path.sep}node_modules${path.sep}`) && exists(f.file),
  );
}
