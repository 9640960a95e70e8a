/**
 * Removes secrets from text meant for people (warnings, errors): every given secret, and the
 * user:password part of URLs. Secrets shorter than 4 characters are left alone: replacing every
 * "a" in a message would hide it, and a key that short is not a secret anyone relies on.
 */
export function redact(text: string, secrets: (string | undefined)[]): string {
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join('***');
  return out;
}

/** A URL for messages: without user:password, query or fragment (tokens often ride there). */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return redact(url, []);
  }
}
