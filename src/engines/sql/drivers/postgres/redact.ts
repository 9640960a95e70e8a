/** Replaces secrets in text meant for humans (issues, logs, reports). */
export type Redactor = (text: string) => string;

const MASK = '***';

/**
 * A redactor for one connection: removes the URL itself, every spelling of the password that can
 * reach a message (as typed, percent-encoded, decoded), and, whatever the connection, the
 * `user:password@` part of any URL and `password=...` settings. Driver messages name hosts and
 * users but may quote connection strings verbatim, so every message passes through here.
 */
export function connectionRedactor(url: string | undefined, passwords: (string | undefined)[] = []): Redactor {
  const secrets = new Set<string>();
  if (url) secrets.add(url);
  for (const p of passwords) {
    if (!p) continue;
    secrets.add(p);
    secrets.add(encodeURIComponent(p));
    secrets.add(safeDecode(p));
  }
  // Longest first, so a password inside the URL does not leave the rest of the URL behind.
  const ordered = [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  return (text) => redactUrlCredentials(ordered.reduce((t, s) => t.split(s).join(MASK), text));
}

/** `scheme://user:password@host` -> `scheme://***@host`; `password=secret` -> `password=***`. */
export function redactUrlCredentials(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@'"]+@/gi, `$1${MASK}@`)
    .replace(/\b(password|passwd|pwd)(["']?\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s&;,]+)/gi, `$1$2${MASK}`);
}

/**
 * Hides the bound values of a query in a message: the server may quote a parameter it could not
 * use (`invalid input syntax for type integer: "..."`), and a parameter may hold a PII value
 * from a contract. Values shorter than 3 characters are left: they cannot identify anyone and
 * masking them would garble the message.
 */
export function redactValues(text: string, values: unknown[]): string {
  const strings = values
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v) => v !== null && v !== undefined && typeof v !== 'object')
    .map(String)
    .filter((s) => s.length >= 3)
    .sort((a, b) => b.length - a.length);
  return strings.reduce((t, s) => t.split(s).join('<bound value>'), text);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
