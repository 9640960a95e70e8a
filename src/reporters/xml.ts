/**
 * Text from data, contracts and file names made safe for XML 1.0. Two steps, in this order (as
 * vitest's junit reporter does): characters XML 1.0 cannot carry at all are removed, because no
 * escape can represent them (`&#0;` is itself ill-formed); then the five markup characters are
 * escaped. Everything else, emoji and right-to-left text included, passes through unchanged.
 */

/**
 * Not allowed by XML 1.0's `Char` production: C0 controls other than tab, LF and CR; lone
 * surrogates (with the `u` flag a proper pair is one code point, so only halves that are alone
 * match); U+FFFE and U+FFFF. C1 controls are allowed but "discouraged" by the spec and paint on
 * terminals that show CI logs, so they go too (U+0085, NEL, is a line break and stays).
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ud800-\udfff\ufffe\uffff]/gu;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(FORBIDDEN, '');
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// In attributes a parser turns raw tabs and line breaks into spaces; as character references they survive.
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Element content. `>` is escaped too, so `]]>` can never appear. */
export function xmlText(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>]/g, (ch) => TEXT_ESCAPES[ch]);
}

/** An attribute value (written between double quotes). */
export function xmlAttribute(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"'\t\n\r]/g, (ch) => ATTRIBUTE_ESCAPES[ch]);
}

export type XmlAttributes = Record<string, string | number | undefined>;

/** ` name="value"` for each defined attribute, in the order given. */
export function xmlAttributes(attributes: XmlAttributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}

/** An element as data: children or text, never both. Built first, serialized once, so indentation is one concern. */
export interface XmlNode {
  name: string;
  attributes?: XmlAttributes;
  children?: XmlNode[];
  text?: string;
}

/**
 * The element and its children, two spaces per level. Text is written inline and never
 * re-indented: inside `<failure>` every character is content that CI tools show.
 */
export function serializeXml(node: XmlNode, depth = 0): string {
  const pad = '  '.repeat(depth);
  const open = `${pad}<${node.name}${xmlAttributes(node.attributes ?? {})}`;
  if (node.text !== undefined) return `${open}>${xmlText(node.text)}</${node.name}>`;
  if (!node.children?.length) return `${open}/>`;
  return [`${open}>`, ...node.children.map((child) => serializeXml(child, depth + 1)), `${pad}</${node.name}>`].join('\n');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
