import { maskAllBut } from './finding.js';
import type { PiiFinding } from './finding.js';

/**
 * National identifiers that carry a checksum, so a match is more than a number of the right
 * length. Chosen: the Dutch BSN (11-test), the Spanish DNI and NIE (check letter, mod 23) and the
 * French NIR (social security number, 97 - n mod 97 key). Left out on purpose: the US SSN, which has
 * no checksum (any nine digits could be one), and identifiers whose check is a lookup table
 * datacheck would have to keep (the Italian codice fiscale).
 */
interface NationalId {
  name: string;
  pattern: RegExp;
  valid(match: string): boolean;
}

const NATIONAL_IDS: NationalId[] = [
  // Nine digits, not touching another digit: sum(digit_i * (9..2)) - last digit = 0 mod 11, not all zero.
  { name: 'BSN', pattern: /(?<![0-9])[0-9]{9}(?![0-9])/g, valid: bsnValid },
  // Eight digits and the letter 'TRWAGMYFPDXBNJZSQVHLCKE'[n mod 23], optionally hyphenated.
  { name: 'DNI', pattern: /(?<![A-Za-z0-9])[0-9]{8}-?[A-Za-z](?![A-Za-z0-9])/g, valid: (m) => dniValid(m.replace('-', '')) },
  // X, Y or Z (read as 0, 1, 2), seven digits and the same check letter.
  {
    name: 'NIE',
    pattern: /(?<![A-Za-z0-9])[XYZxyz]-?[0-9]{7}-?[A-Za-z](?![A-Za-z0-9])/g,
    valid: (m) => {
      const s = m.replace(/-/g, '').toUpperCase();
      return dniValid(String('XYZ'.indexOf(s[0])) + s.slice(1));
    },
  },
  // Sex (1/2), year, month, department (2A/2B for Corsica), commune, order, then the two-digit key
  // 97 - (first 13 digits mod 97), with 2A read as 19 and 2B as 18; groups optionally space-separated.
  {
    name: 'NIR',
    pattern: /(?<![A-Za-z0-9])[12] ?[0-9]{2} ?[0-9]{2} ?(?:[0-9]{2}|2[ABab]) ?[0-9]{3} ?[0-9]{3} ?[0-9]{2}(?![A-Za-z0-9])/g,
    valid: nirValid,
  },
];

export function findNationalIds(text: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const id of NATIONAL_IDS) {
    for (const m of text.matchAll(id.pattern)) {
      if (id.valid(m[0])) out.push({ kind: 'national_id', masked: `${id.name} ${maskAllBut(m[0], 2)}` });
    }
  }
  return out;
}

export function bsnValid(s: string): boolean {
  if (/^0+$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (s.charCodeAt(i) - 48) * (9 - i);
  return (sum - (s.charCodeAt(8) - 48)) % 11 === 0;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

export function dniValid(s: string): boolean {
  return DNI_LETTERS[Number(s.slice(0, 8)) % 23] === s[8].toUpperCase();
}

export function nirValid(m: string): boolean {
  const s = m.replace(/ /g, '').toUpperCase();
  const body = s.slice(0, 13).replace('2A', '19').replace('2B', '18');
  // 13 digits exceed 2^53 only from 9.0e15 up: a 13-digit number is exact as a double.
  return 97 - (Number(body) % 97) === Number(s.slice(13));
}
