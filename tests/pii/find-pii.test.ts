import { describe, expect, it } from 'vitest';
import { PII_KINDS } from '../../src/model/pii.js';
import type { PiiKind } from '../../src/model/pii.js';
import { findPii } from '../../src/pii/find-pii.js';

const found = (text: string, kinds: readonly PiiKind[] = PII_KINDS, phoneCountry = 'US') =>
  findPii(text, { kinds, phoneCountry }).map((f) => `${f.kind} ${f.masked}`);

describe('e-mail addresses', () => {
  it('are found inside text and masked to their first characters and top-level domain', () => {
    expect(found('write to jane.doe@example.com, thanks')).toEqual(['email j***@e***.com']);
  });
  it('need a dotted domain with a top-level domain of letters', () => {
    expect(found('user@localhost and a@b.c and @example.com', ['email'])).toEqual([]);
  });
});

describe('payment card numbers', () => {
  // Public test numbers (Stripe's documentation): Visa, Visa, Mastercard, 2-series Mastercard, Amex, Discover.
  it.each(['4242424242424242', '4111 1111 1111 1111', '5555-5555-5555-4444', '2223003122003222', '3782 822463 10005', '6011111111111117'])(
    'a Luhn-valid number is found: %s',
    (n) => {
      expect(found(`paid with ${n} today`, ['card'])).toEqual([`card **** **** **** ${n.replace(/\D/g, '').slice(-4)}`]);
    },
  );
  it('one digit off fails the Luhn check and is not a card', () => {
    expect(found('4242424242424241', ['card'])).toEqual([]);
  });
  it('a number split by words, or starting outside the card networks (7, 8, 9, 0, 1), is not a card', () => {
    expect(found('4242 4242 and 4242 4242', ['card'])).toEqual([]);
    expect(found('79927398713000', ['card'])).toEqual([]); // Luhn-valid, but no card network's digit
  });
  it('digits of other scripts are not read as digits', () => {
    expect(found('４２４２４２４２４２４２４２４２', ['card'])).toEqual([]);
  });
});

describe('IBANs', () => {
  // Examples of the SWIFT IBAN registry.
  it.each(['NL91ABNA0417164300', 'DE89370400440532013000', 'GB82WEST12345698765432', 'FR1420041010050500013M02606'])(
    'a registry example is found: %s',
    (iban) => {
      expect(found(`to ${iban}.`, ['iban'])).toHaveLength(1);
    },
  );
  it('in lower case, grouped by spaces, and masked to the country and the last two characters', () => {
    expect(found('iban nl91 abna 0417 1643 00 please', ['iban'])).toEqual(['iban NL** **** **** **** 00']);
  });
  it('one character off fails mod 97', () => {
    expect(found('NL91ABNA0417164301', ['iban'])).toEqual([]);
  });
  it('must be exactly as long as the country says', () => {
    expect(found('NL91ABNA04171643001', ['iban'])).toEqual([]);
  });
});

describe('national identifiers', () => {
  it('a Dutch BSN passes the 11-test; one digit off does not', () => {
    expect(found('bsn 123456782', ['national_id'])).toEqual(['national_id BSN *******82']);
    expect(found('bsn 123456781', ['national_id'])).toEqual([]);
  });
  it('a Spanish DNI and NIE carry the check letter', () => {
    expect(found('dni 12345678Z, nie X1234567L', ['national_id'])).toEqual(['national_id DNI *******8Z', 'national_id NIE *******7L']);
    expect(found('dni 12345678A', ['national_id'])).toEqual([]);
  });
  it('a French NIR carries its key, with or without spaces', () => {
    expect(found('nir 1 84 12 76 451 089 46', ['national_id'])).toEqual(['national_id NIR * ** ** ** *** *** 46']);
    expect(found('nir 184127645108947', ['national_id'])).toEqual([]);
  });
});

describe('phone numbers', () => {
  it('international numbers of any country, and national numbers of the chosen region', () => {
    expect(found('call +31 20 123 4567', ['phone'])).toEqual(['phone +** ** *** **67']);
    expect(found('call (415) 555-2671', ['phone'])).toEqual(['phone (***) ***-**71']);
    expect(found('bel 020 123 4567', ['phone'], 'NL')).toEqual(['phone *** *** **67']);
  });
  it('too short to be valid, or written in digits of other scripts, is not found', () => {
    expect(found('call +1 415 555 267', ['phone'])).toEqual([]);
    expect(found('call +٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨', ['phone'])).toEqual([]);
  });
});

it('a value without an @ or an ASCII digit holds nothing, whatever the kinds', () => {
  expect(found('no personal data here, only words')).toEqual([]);
});
