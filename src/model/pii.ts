/**
 * The kinds of personal data `noPii` / `detectPii` look for in free text (definitions in
 * src/pii/ and the README's "Personal data in free text").
 */
export const PII_KINDS = ['email', 'phone', 'card', 'iban', 'national_id'] as const;

export type PiiKind = (typeof PII_KINDS)[number];

/** Rows in which at least one value of each kind was found. */
export type PiiCounts = Record<PiiKind, number>;

export function isPiiKind(k: unknown): k is PiiKind {
  return typeof k === 'string' && (PII_KINDS as readonly string[]).includes(k);
}
