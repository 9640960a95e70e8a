import type { NoPiiDef } from '../model/contract.js';
import { DatacheckError } from '../model/issue.js';
import type { SourceLocation } from '../model/issue.js';
import { PII_KINDS, isPiiKind } from '../model/pii.js';
import type { PiiKind } from '../model/pii.js';
import { DEFAULT_PHONE_COUNTRY } from '../pii/find-pii.js';
import { isPhoneCountry } from '../pii/phone.js';

/** What `noPii()` looks for: some kinds (default all), and the region of national phone formats. */
export interface NoPiiOptions {
  kinds?: readonly PiiKind[];
  /** ISO 3166 alpha-2 region whose national phone formats are recognised (default `US`); `+` numbers always are. */
  phoneCountry?: string;
}

/** The options checked and completed, or a clear error at the call site (a misspelt kind, an unknown region). */
export function noPiiDef(options: NoPiiOptions | undefined, what: string, location: SourceLocation): Required<NoPiiDef> {
  const kinds = options?.kinds ?? PII_KINDS;
  if (!Array.isArray(kinds) || kinds.length === 0 || !kinds.every(isPiiKind)) {
    throw new DatacheckError({
      code: 'check.invalid_option',
      message: `${what}: 'kinds' names what to look for`,
      location,
      expected: `a non-empty array of ${PII_KINDS.map((k) => `'${k}'`).join(', ')}`,
      found: JSON.stringify(kinds),
    });
  }
  const phoneCountry = options?.phoneCountry ?? DEFAULT_PHONE_COUNTRY;
  if (!isPhoneCountry(phoneCountry)) {
    throw new DatacheckError({
      code: 'check.invalid_option',
      message: `${what}: 'phoneCountry' is a region whose phone formats libphonenumber knows`,
      location,
      expected: "an ISO 3166 alpha-2 code such as 'US', 'NL' or 'FR'",
      found: JSON.stringify(phoneCountry),
    });
  }
  // In PII_KINDS order, once each: equal checks share one metric whatever order they were written in.
  return { kinds: PII_KINDS.filter((k) => kinds.includes(k)), phoneCountry };
}
