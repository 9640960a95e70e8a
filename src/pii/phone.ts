import { findPhoneNumbersInText, isSupportedCountry } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import type { PiiFinding } from './finding.js';
import { maskAllBut } from './finding.js';

/**
 * A phone number: what libphonenumber-js (Google's libphonenumber rules and its full metadata)
 * finds in the text and judges valid, either international (`+` and a country calling code, as in
 * E.164: at most 15 digits) or in the national format of `country` (default US, e.g.
 * `(415) 555-2671`). The library also reads digits of other scripts (Arabic-Indic, fullwidth);
 * datacheck keeps only numbers written in ASCII digits, so every engine's candidate filter
 * (a value holding an ASCII digit) is exact.
 */
export function findPhones(text: string, country: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const found of findPhoneNumbersInText(text, { defaultCountry: country as CountryCode })) {
    const written = text.slice(found.startsAt, found.endsAt);
    if (!found.number.isValid() || /\p{Nd}/u.test(written.replace(/[0-9]/g, ''))) continue;
    // `+1 415 555 2671` -> `+* *** *** **71`: the layout and the last two digits.
    out.push({ kind: 'phone', masked: maskAllBut(written, 2) });
  }
  return out;
}

/** Whether libphonenumber-js knows the national formats of this region (ISO 3166 alpha-2, e.g. `NL`). */
export function isPhoneCountry(country: unknown): boolean {
  return typeof country === 'string' && isSupportedCountry(country);
}
