import type { PiiFinding } from './finding.js';

/**
 * An e-mail address: a local part of letters, digits and `.!#$%&'*+/=?^_`{|}~-` (not starting or
 * ending with a dot), `@`, then a domain of dot-separated labels of letters, digits and inner
 * hyphens, the last one (the top-level domain) two or more letters. ASCII only, case-insensitive.
 */
export const EMAIL_PATTERN =
  /(?<![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~-](?:[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]*[A-Za-z0-9!#$%&'*+/=?^_`{|}~-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])/g;

export function findEmails(text: string): PiiFinding[] {
  if (!text.includes('@')) return [];
  return [...text.matchAll(EMAIL_PATTERN)].map((m) => ({ kind: 'email', masked: maskEmail(m[0]) }));
}

/** `jane.doe@example.com` -> `j***@e***.com`: the first character of each side and the top-level domain. */
function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  const tld = domain.slice(domain.lastIndexOf('.'));
  return `${address[0]}***@${domain[0]}***${tld}`;
}
