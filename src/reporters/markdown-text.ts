import { printable } from './format-value.js';

/**
 * Text from data, contracts and file names made inert in GitHub-flavoured Markdown, for one line
 * of a table cell or list item. A pull-request comment is rendered HTML seen by reviewers, so:
 * control characters and line breaks become visible escapes (a value cannot end the table row);
 * `& < >` become entities (no tag can open: no `<script>`, no `<img onerror>`); characters that start
 * emphasis, links, images, code, strikethrough or math, and the `|` that splits cells, are
 * backslash-escaped; and a zero-width space after `@` keeps a value like `@org/team` from
 * notifying anyone. Long text is cut before escaping, so an entity is never cut in half.
 */
export function markdownText(text: string, max = 200): string {
  const visible = printable(text).replace(/[\ud800-\udfff\ufffe\uffff]/gu, '\ufffd');
  const short = visible.length > max ? `${visible.slice(0, max - 1)}…` : visible;
  return short
    .replace(/[&<>]/g, (ch) => HTML_ENTITIES[ch])
    .replace(/[\\`*_[\]!~$|]/g, (ch) => `\\${ch}`)
    .replace(/@(?=\w)/g, '@\u200b');
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
