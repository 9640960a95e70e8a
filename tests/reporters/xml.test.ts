import { describe, expect, it } from 'vitest';
import { serializeXml, stripInvalidXmlChars, xmlAttribute, xmlText } from '../../src/reporters/xml.js';

describe('xml text', () => {
  it('drops what XML 1.0 forbids (C0 controls but tab/LF/CR, C1 controls but NEL, lone surrogates, U+FFFE/U+FFFF)', () => {
    expect(stripInvalidXmlChars('a\u0000b\u0008c\u000bd\u001be\u007ff\u009fg\ufffeh\uffffi')).toBe('abcdefghi');
    expect(stripInvalidXmlChars('lone \ud800 and \udc00 halves')).toBe('lone  and  halves');
    expect(stripInvalidXmlChars('tab\tLF\nCR\rNEL\u0085')).toBe('tab\tLF\nCR\rNEL\u0085');
  });

  it('keeps astral characters whole: a surrogate pair is not two lone halves', () => {
    expect(stripInvalidXmlChars('🚀 👩‍👩‍👧 𝄞 שלום')).toBe('🚀 👩‍👩‍👧 𝄞 שלום');
  });

  it('escapes markup in text, and quotes and line breaks too in attributes', () => {
    expect(xmlText(`<a href="x">]]>&'`)).toBe(`&lt;a href="x"&gt;]]&gt;&amp;'`);
    expect(xmlAttribute(`"a'\tb\nc\r<&>`)).toBe('&quot;a&apos;&#9;b&#10;c&#13;&lt;&amp;&gt;');
  });

  it('serializes a tree with indentation, but never indents text content', () => {
    const xml = serializeXml({
      name: 'a',
      attributes: { x: 1, skip: undefined },
      children: [{ name: 'b', text: 'line 1\nline 2' }, { name: 'c' }],
    });
    expect(xml).toBe('<a x="1">\n  <b>line 1\nline 2</b>\n  <c/>\n</a>');
  });
});
