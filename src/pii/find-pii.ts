import type { PiiFindingsValue } from '../model/metric.js';
import { PII_KINDS } from '../model/pii.js';
import type { PiiKind } from '../model/pii.js';
import { findCards } from './card.js';
import { findEmails } from './email.js';
import type { PiiFinding } from './finding.js';
import { findIbans } from './iban.js';
import { findNationalIds } from './national-id.js';
import { findPhones } from './phone.js';

/**
 * What a value must contain for any detector to find something in it: every e-mail address has
 * an `@`, and every phone number, card number, IBAN (its check digits) and national identifier an
 * ASCII digit. SQL engines select only the values matching it and verify those in the process;
 * the Arrow engine skips the detectors for the others. A regular expression every dialect reads alike.
 */
export const PII_CANDIDATE_PATTERN = '[@0-9]';
const CANDIDATE = new RegExp(PII_CANDIDATE_PATTERN);

export interface PiiOptions {
  kinds: readonly PiiKind[];
  /** The region whose national phone formats are recognised (ISO 3166 alpha-2); international ones always are. */
  phoneCountry: string;
}

export const DEFAULT_PHONE_COUNTRY = 'US';

/** Every piece of personal data of the asked kinds in `text`, masked, in detector order. */
export function findPii(text: string, options: PiiOptions): PiiFinding[] {
  if (!CANDIDATE.test(text)) return [];
  const out: PiiFinding[] = [];
  for (const kind of options.kinds) {
    if (kind === 'email') out.push(...findEmails(text));
    else if (kind === 'phone') out.push(...findPhones(text, options.phoneCountry));
    else if (kind === 'card') out.push(...findCards(text));
    else if (kind === 'iban') out.push(...findIbans(text));
    else out.push(...findNationalIds(text));
  }
  return out;
}

/** At most this many findings are listed in one sample value: the count per kind says the rest. */
const LISTED_PER_VALUE = 5;

/** How a sample shows a value's findings: `email j***@e***.com; card **** **** **** 4242`. */
export function describeFindings(findings: readonly PiiFinding[]): string {
  const listed = findings.slice(0, LISTED_PER_VALUE).map((f) => `${f.kind} ${f.masked}`);
  const more = findings.length - listed.length;
  return more > 0 ? `${listed.join('; ')}; and ${more} more` : listed.join('; ');
}

export function noneFound(): PiiFindingsValue['found'] {
  return Object.fromEntries(PII_KINDS.map((k) => [k, 0])) as PiiFindingsValue['found'];
}

/** Adds one row's findings to the per-kind counts: a row counts once per kind however often it occurs. */
export function countKinds(found: PiiFindingsValue['found'], findings: readonly PiiFinding[]): void {
  for (const kind of new Set(findings.map((f) => f.kind))) found[kind]++;
}
