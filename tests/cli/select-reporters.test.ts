import { describe, expect, it } from 'vitest';
import { REPORTERS } from '../../src/reporters/registry.js';
import { requireOpenLineage, selectReporters } from '../../src/cli/select-reporters.js';
import type { SelectedReporter } from '../../src/cli/select-reporters.js';

describe('selectReporters', () => {
  it('defaults to the console; --reporter replaces the config list', () => {
    expect(selectReporters(undefined, undefined, undefined)).toEqual({ ok: true, reporters: [{ name: 'console', options: {} }] });
    expect(selectReporters(['json'], ['console'], undefined)).toEqual({ ok: true, reporters: [{ name: 'json', options: {} }] });
    expect(selectReporters(undefined, ['console', ['json', { outputFile: 'a.json' }]], undefined)).toEqual({
      ok: true,
      reporters: [
        { name: 'console', options: {} },
        { name: 'json', options: { outputFile: 'a.json' } },
      ],
    });
  });

  it('gives --output-file to the one file reporter, or to the one it names', () => {
    expect(selectReporters(['console', 'json'], undefined, ['out.json'])).toMatchObject({
      ok: true,
      reporters: [{ name: 'console' }, { name: 'json', options: { outputFile: 'out.json' } }],
    });
    expect(selectReporters(['json'], undefined, ['json=x/y.json'])).toMatchObject({
      ok: true,
      reporters: [{ name: 'json', options: { outputFile: 'x/y.json' } }],
    });
  });

  it('explains an unknown reporter and an --output-file nobody takes', () => {
    // The list grows with every reporter; it names them all.
    expect(selectReporters(['html5'], undefined, undefined)).toEqual({
      ok: false,
      message: `unknown reporter 'html5': expected one of ${Object.keys(REPORTERS).join(', ')}`,
    });
    expect(Object.keys(REPORTERS)).toEqual(expect.arrayContaining(['console', 'json', 'junit', 'markdown', 'openlineage', 'html']));
    expect(selectReporters(['json'], undefined, ['console=x.txt'])).toEqual({
      ok: false,
      message: "--output-file console=x.txt names reporter 'console', which is not selected (add --reporter console)",
    });
  });

  it('knows reporters by their own names only, not by what every object inherits', () => {
    for (const inherited of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(selectReporters([inherited], undefined, undefined)).toMatchObject({
        ok: false,
        message: expect.stringContaining(`unknown reporter '${inherited}'`),
      });
    }
  });

  it('openlineage takes --output-file only by name; a bare one still goes to the one file writer', () => {
    expect(selectReporters(['json', 'openlineage'], undefined, ['out.json'])).toMatchObject({
      ok: true,
      reporters: [
        { name: 'json', options: { outputFile: 'out.json' } },
        { name: 'openlineage', options: {} },
      ],
    });
    expect(selectReporters(['openlineage'], undefined, ['openlineage=ol.jsonl'])).toMatchObject({
      ok: true,
      reporters: [{ name: 'openlineage', options: { outputFile: 'ol.jsonl' } }],
    });
  });

  it('--openlineage-required marks the selected openlineage reporter, or adds it', () => {
    const selected: SelectedReporter[] = [
      { name: 'console', options: {} },
      { name: 'openlineage', options: { namespace: 'n' } },
    ];
    requireOpenLineage(selected);
    expect(selected[1].options).toEqual({ namespace: 'n', required: true });
    const without: SelectedReporter[] = [{ name: 'console', options: {} }];
    requireOpenLineage(without);
    expect(without).toEqual([
      { name: 'console', options: {} },
      { name: 'openlineage', options: { required: true } },
    ]);
  });
});
