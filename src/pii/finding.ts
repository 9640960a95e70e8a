import type { PiiKind } from '../model/pii.js';

/** One piece of personal data found in a value: its kind and how a report may show it (masked). */
export interface PiiFinding {
  kind: PiiKind;
  /** The finding with most of it replaced by `*`; never the raw text. */
  masked: string;
}

/** `s` with every character but the last `keep` letters or digits replaced by `*` (separators stay). */
export function maskAllBut(s: string, keep: number): string {
  let seen = 0;
  const total = [...s].filter((c) => /[A-Za-z0-9]/.test(c)).length;
  return [...s]
    .map((c) => {
      if (!/[A-Za-z0-9]/.test(c)) return c;
      seen++;
      return seen > total - keep ? c : '*';
    })
    .join('');
}
