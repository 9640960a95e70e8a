/** A value as TypeScript source, strings single-quoted (the project's style), for generated files. */
export function lit(v: unknown): string {
  if (typeof v === 'string') {
    const body = v
      .replaceAll('\\', '\\\\')
      .replaceAll("'", "\\'")
      .replaceAll('\n', '\\n')
      .replaceAll('\r', '\\r')
      .replaceAll('\u2028', '\\u2028')
      .replaceAll('\u2029', '\\u2029');
    return `'${body}'`;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(lit).join(', ')}]`;
  return `{ ${Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : lit(k)}: ${lit(x)}`)
    .join(', ')} }`;
}

/** A comment line's text: one line, no comment terminator. */
export function commentText(s: string): string {
  return s.replace(/\s+/g, ' ').replaceAll('*/', '* /').trim();
}
