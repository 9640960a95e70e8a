import { countrySpecs, isValidIBAN } from 'ibantools';
import type { PiiFinding } from './finding.js';

/**
 * An IBAN: a country code of the IBAN registry, two check digits, then letters and digits,
 * optionally grouped by single spaces, in either case, exactly as long as that country's IBANs
 * (ibantools' table of the SWIFT IBAN registry: 18 characters for NL, 22 for DE...) and not
 * followed by a further letter or digit; valid when its BBAN has the country's format and the
 * ISO 13616 mod-97 check gives 1 (ibantools' `isValidIBAN`).
 */
const IBAN_START = /(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}/g;

export function findIbans(text: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const m of text.matchAll(IBAN_START)) {
    const length = countrySpecs[m[0].slice(0, 2).toUpperCase()]?.chars;
    if (!length) continue;
    const compact = takeGrouped(text, m.index, length);
    if (compact && isValidIBAN(compact.toUpperCase())) out.push({ kind: 'iban', masked: maskIban(compact.toUpperCase()) });
  }
  return out;
}

/**
 * The `length` letters and digits from `start`, skipping single spaces between them, when they
 * end where the text's run of letters and digits ends; otherwise undefined.
 */
function takeGrouped(text: string, start: number, length: number): string | undefined {
  let out = '';
  let i = start;
  while (out.length < length && i < text.length) {
    const c = text[i];
    if (isAlnum(c)) out += c;
    else if (!(c === ' ' && out.length > 0 && isAlnum(text[i + 1] ?? ''))) return undefined;
    i++;
  }
  return out.length === length && !isAlnum(text[i] ?? '') ? out : undefined;
}

const isAlnum = (c: string): boolean => /^[A-Za-z0-9]$/.test(c);

/** `NL91ABNA0417164300` -> `NL** **** **** **** 00`: the country and the last two characters. */
function maskIban(iban: string): string {
  const hidden = iban.slice(0, 2) + '*'.repeat(iban.length - 4) + iban.slice(-2);
  return hidden.replace(/(.{4})(?=.)/g, '$1 ');
}
