import type { PiiFinding } from './finding.js';

/**
 * A payment card number: 13 to 19 ASCII digits, optionally grouped by single spaces or hyphens,
 * not touching another digit, whose first digit is 2-6 (the ISO/IEC 7812 major industry
 * identifiers of the card networks: Mastercard 2-series, Amex/Diners/JCB, Visa, Mastercard,
 * Discover/UnionPay/Maestro) and that passes the Luhn check.
 */
const CARD_CANDIDATE = /(?<![0-9])[2-6](?:[ -]?[0-9]){12,18}(?![0-9])/g;

export function findCards(text: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const m of text.matchAll(CARD_CANDIDATE)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (luhnValid(digits)) out.push({ kind: 'card', masked: `**** **** **** ${digits.slice(-4)}` });
  }
  return out;
}

/** The Luhn (mod 10) check over a string of ASCII digits, the rightmost being the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
