import { describe, expect, it } from 'vitest';
import { issueOf, readAll, tmpFiles } from './helpers.js';

describe('Arrow IPC sources', () => {
  it('reads an IPC file (vega flights-200k.arrow) keeping its own types', async () => {
    const r = await readAll({ file: 'vega-datasets/flights-200k.arrow' });
    expect(r.rows).toBe(200_000);
    expect(r.schema!.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['delay:Int16', 'distance:Int16', 'time:Float32']);
  });

  it('reads an IPC stream even with a .arrow extension (arquero flights.arrow)', async () => {
    const r = await readAll({ file: 'arquero/flights.arrow' });
    expect(r.rows).toBe(9999);
  });

  it('reads Feather v2 (Titanic.feather)', async () => {
    const r = await readAll({ file: 'great_expectations/Titanic.feather' });
    expect(r.rows).toBe(1313);
    expect(r.schema!.fields.map((f) => f.name)).toContain('Age');
  });

  it('garbage with an .arrow extension is arrow.invalid naming the file', async () => {
    const dir = tmpFiles({ 'x.arrow': 'not arrow at all' });
    const issue = await issueOf(readAll({ file: 'x.arrow' }, { baseDir: dir }));
    expect(issue.code).toBe('arrow.invalid');
    expect(issue.message).toContain('x.arrow');
  });
});
