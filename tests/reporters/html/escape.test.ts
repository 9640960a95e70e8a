import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attr, text } from '../../../src/reporters/html/escape.js';
import { renderHtml } from '../../../src/reporters/html/html-reporter.js';
import { SCRIPT } from '../../../src/reporters/html/script.js';
import { STYLES } from '../../../src/reporters/html/styles.js';
import { sampleRun } from '../sample-run.js';
import { HOSTILE, hostileRun } from './hostile-run.js';

describe('escaping', () => {
  it('text escapes markup; attr also quotes; both show control and bidi characters', () => {
    expect(text('<b>&"\'')).toBe('&lt;b&gt;&amp;"\'');
    expect(attr('<b>&"\'')).toBe('&lt;b&gt;&amp;&quot;&#39;');
    expect(text('a\u0000b\u001bc\nd')).toBe('a\\u0000b\\u001bc\\nd');
    expect(attr('x\u202Eyz')).toBe('x\\u202eyz');
    expect(text('שלום 🚀')).toBe('שלום 🚀');
  });

  it('leaves no hostile value intact in the document', () => {
    const html = renderHtml(hostileRun());
    for (const v of HOSTILE.filter((s) => /[<>"]/.test(s))) expect(html).not.toContain(v);
    // Markup in the document comes from the renderers only: one <script>, one <style>, no handlers.
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html.match(/<style\b/g)).toHaveLength(1);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    // No tag has an event-handler attribute (values are double-quoted and cannot hold a quote).
    expect(html).not.toMatch(/<[a-z]+(\s+[\w:-]+(="[^"]*")?)*\s+on\w+=/i);
    expect(html).not.toMatch(/<img\b/);
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202e]/);
  });

  it('allows exactly its own script and style by hash, and no network', () => {
    const html = renderHtml(sampleRun());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${hash(/<script>([\s\S]*)<\/script>/.exec(html)![1])}`);
    expect(csp).toContain(`style-src ${hash(/<style>([\s\S]*)<\/style>/.exec(html)![1])}`);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(SCRIPT).not.toMatch(/fetch|XMLHttpRequest|innerHTML|eval/);
    expect(STYLES).not.toMatch(/url\(|@import/);
  });
});
