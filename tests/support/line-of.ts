import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The 1-based line of the first occurrence of `marker` in a test file: lets tests assert captured call sites. */
export function lineOf(fileUrl: string, marker: string): number {
  const lines = readFileSync(fileURLToPath(fileUrl), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(marker));
  if (index < 0) throw new Error(`marker ${marker} not found`);
  return index + 1;
}
