import { describe, expect, it } from 'vitest';
import type { ContractDiff } from '../../../src/lifecycle/diff/render-diff.js';
import { renderDiffMarkdown, renderDiffText } from '../../../src/lifecycle/diff/render-diff.js';

const hostile: ContractDiff = {
  contract: 'orders<img src=x onerror=alert(1)>',
  beforeLabel: 'a',
  afterLabel: 'b',
  changes: [
    {
      impact: 'breaking',
      kind: 'allowed_value.removed',
      column: 's',
      message: `'s': allowed value "x|y\n| forged | row |\u001b[2J @team" removed`,
    },
  ],
  version: { before: '1.0.0', after: '1.0.1', required: 'major', made: 'patch', ok: false, problem: 'breaking changes need a major bump' },
};

describe('renderDiff escapes contract text', () => {
  it('Markdown: no tag, no extra table row or cell, no mention', () => {
    const md = renderDiffMarkdown(hostile);
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img');
    const rows = md.split('\n').filter((l) => l.startsWith('| breaking'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('x\\|y');
    expect(md).not.toContain('@team');
  });
  it('text: control characters and line breaks shown, not obeyed', () => {
    const text = renderDiffText(hostile);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\u001b[2J');
    expect(text.split('\n').some((l) => l.startsWith('| forged'))).toBe(false);
  });
});
