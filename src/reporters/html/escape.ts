import { printable } from '../format-value.js';

/**
 * The only two ways text from data, contracts, file names or the environment enters the report.
 * Both make control characters visible first (`\u001b`, `\n`), so nothing invisible can hide in a
 * value, then escape for their context. Nothing from the run is ever put inside <script> or <style>.
 */

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR: Record<string, string> = { ...TEXT, '"': '&quot;', "'": '&#39;' };

/** For element content (between tags). */
export function text(value: unknown): string {
  return visible(String(value)).replace(/[&<>]/g, (ch) => TEXT[ch]);
}

/** For attribute values, which the renderers always write double-quoted. */
export function attr(value: unknown): string {
  return visible(String(value)).replace(/[&<>"']/g, (ch) => ATTR[ch]);
}

/**
 * Control characters and the invisible bidirectional controls (which can make `txt.exe` of
 * `exe.txt`) as escapes; right-to-left letters stay as they are, isolated by the stylesheet.
 */
function visible(s: string): string {
  return printable(s).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
