import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../src/model/issue-codes.js';

// The catalogue of issue codes is complete: every code the source emits is listed, and every
// listed code is emitted somewhere. `Issue.code: IssueCode` already makes the compiler refuse an
// unlisted code in a typed Issue; this scan also catches codes built where the type is wider and
// entries left behind when a code stops being used.
const SRC = path.resolve(import.meta.dirname, '../../src');
const CATALOGUE = path.join(SRC, 'model/issue-codes.ts');

/** Where codes are written: `code: 'a.b'` (also both arms of `code: x ? 'a.b' : 'c.d'`), `code: IssueCode = 'a.b'`, `sourceError('a.b'`. */
const CODE_SITES = [
  /\bcode(?::\s*IssueCode)?\s*(?::|=(?!=))\s*([^,}\n]*)/g,
  /\bsourceError\(\s*('[^']*')/g,
  /\basIssue\([^)]*?('[^']*')\)/g,
];
const LITERAL = /'([^'\\]*)'/g;
const CODE_SHAPE = /^[a-z]+(\.[a-z][a-z0-9_]*)*$/;

interface Use {
  code: string;
  at: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(p);
    return p.endsWith('.ts') && p !== CATALOGUE ? [p] : [];
  });
}

/** Every code literal in src/, with the first file:line that writes it (a call may span lines, as the formatter wraps it). */
function codesUsedInSource(): Map<string, string> {
  const uses: Use[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const site of CODE_SITES) {
      for (const m of text.matchAll(site)) {
        const line = text.slice(0, m.index).split('\n').length;
        for (const lit of m[1].matchAll(LITERAL)) {
          if (CODE_SHAPE.test(lit[1])) uses.push({ code: lit[1], at: `${path.relative(path.dirname(SRC), file)}:${line}` });
        }
      }
    }
  }
  const first = new Map<string, string>();
  for (const u of uses) if (!first.has(u.code)) first.set(u.code, u.at);
  return first;
}

describe('the IssueCode catalogue (src/model/issue-codes.ts)', () => {
  const used = codesUsedInSource();
  const listed = new Set(Object.keys(ISSUE_CODES));

  it('finds the codes where they are written (the scan itself works)', () => {
    expect(used.get('csv.ragged_row')).toMatch(/^src\/sources\/csv-(source|errors)\.ts:\d+$/);
    expect(used.get('connection.timeout')).toMatch(
      /^src\/engines\/sql\/drivers\/(postgres\/pg-errors|clickhouse\/clickhouse-errors)\.ts:\d+$/,
    );
    expect(used.get('config.invalid')).toBeDefined();
    expect(used.size).toBeGreaterThan(50);
  });

  it('lists every code used in src/', () => {
    const missing = [...used].filter(([code]) => !listed.has(code));
    const toAdd = missing.map(([code, at]) => `  '${code}': { hint: '...' }, // used at ${at}`).join('\n');
    expect(missing, `add to ISSUE_CODES in src/model/issue-codes.ts:\n${toAdd}\n`).toEqual([]);
  });

  it('lists no code that src/ never uses', () => {
    const unused = [...listed].filter((code) => !used.has(code));
    expect(unused, `remove from ISSUE_CODES (no longer emitted): ${unused.join(', ')}`).toEqual([]);
  });

  it('spells every code as `area.what` in lower case, with a hint', () => {
    for (const [code, entry] of Object.entries(ISSUE_CODES)) {
      expect(code).toMatch(CODE_SHAPE);
      expect(entry.hint.length, code).toBeGreaterThan(10);
    }
  });
});
