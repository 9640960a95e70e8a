import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { sourceError } from './source-error.js';

export interface JsonRow {
  value: Record<string, unknown>;
  /** 1-based line where the row (object) starts. */
  line: number;
}

/** `JSON.parse` error -> 1-based line/column, counted from the start of `text` at `baseLine`. */
function syntaxError(file: string, e: unknown, text: string, baseLine: number) {
  const msg = (e as Error).message;
  const pos = /position (\d+)/.exec(msg);
  let line = baseLine;
  let column: number | undefined;
  if (pos) {
    const before = text.slice(0, Number(pos[1]));
    const nl = before.lastIndexOf('\n');
    line += before.split('\n').length - 1;
    column = Number(pos[1]) - nl;
  } else if (/Unexpected end/.test(msg)) {
    line += text.split('\n').length - 1;
  }
  // Never echo the row's text: it may hold personal data. Say where, and what kind of token.
  const reason = msg
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/"[^"]*"/g, '"…"');
  return sourceError('json.parse', file, `invalid JSON: ${reason}`, {
    line,
    column,
    expected: 'valid JSON',
    found: text.trim() === '' ? 'nothing' : 'malformed JSON (text not shown)',
  });
}

function asObject(file: string, v: unknown, line: number): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw sourceError('json.not_object', file, 'each row must be a JSON object', {
      line,
      expected: 'an object like {"column": value}',
      found: jsonKind(v),
    });
  }
  return v as Record<string, unknown>;
}

/** NDJSON / JSON Lines: one object per line, blank lines skipped. */
export async function* ndjsonRows(input: Readable, file: string): AsyncIterable<JsonRow> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of rl) {
      line++;
      const t = line === 1 ? text.replace(/^\ufeff/, '') : text;
      if (t.trim() === '') continue;
      let v: unknown;
      try {
        v = JSON.parse(t);
      } catch (e) {
        throw syntaxError(file, e, t, line);
      }
      yield { value: asObject(file, v, line), line };
    }
  } finally {
    rl.close();
    input.destroy();
  }
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d, 0xfeff]);

/**
 * A top-level JSON array of objects, streamed: a small scanner splits the array into elements so
 * only one row's text is held at a time. Anything but an array is rejected (with the syntax error's
 * position when the file is not JSON at all).
 */
export async function* jsonArrayRows(input: Readable, file: string): AsyncIterable<JsonRow> {
  input.setEncoding('utf8');
  let line = 1;
  let started = false,
    ended = false,
    inString = false,
    escape = false;
  let depth = 0,
    elemLine = 0;
  let parts: string[] = [];
  let head = ''; // text seen before the array starts, for the not-an-array error
  const finishElement = (): JsonRow => {
    const text = parts.join('');
    parts = [];
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      throw syntaxError(file, e, text, elemLine);
    }
    return { value: asObject(file, v, elemLine), line: elemLine };
  };
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      if (head) {
        head += chunk; // not an array: keep the text to say whether it is JSON at all
        continue;
      }
      let segStart = depth > 0 ? 0 : -1;
      const rows: JsonRow[] = [];
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (c === 0x0a) line++;
        if (depth > 0) {
          if (inString) {
            if (escape) escape = false;
            else if (c === 0x5c) escape = true;
            else if (c === 0x22) inString = false;
          } else if (c === 0x22) inString = true;
          else if (c === 0x7b || c === 0x5b) depth++;
          else if (c === 0x7d || c === 0x5d) {
            if (--depth === 0) {
              parts.push(chunk.slice(segStart, i + 1));
              segStart = -1;
              rows.push(finishElement());
            }
          }
          continue;
        }
        if (WS.has(c)) continue;
        if (!started) {
          if (c === 0x5b) {
            started = true;
            continue;
          }
          head = chunk.slice(i);
          break;
        }
        if (ended)
          throw sourceError('json.parse', file, 'unexpected content after the top-level array', {
            line,
            expected: 'end of file',
            found: tokenKind(chunk, i),
          });
        if (c === 0x2c) continue;
        if (c === 0x5d) {
          ended = true;
          continue;
        }
        if (c === 0x7b || c === 0x5b) {
          depth = 1;
          elemLine = line;
          segStart = i;
          continue;
        }
        throw sourceError('json.not_object', file, 'each element of the top-level array must be a JSON object', {
          line,
          expected: 'an object like {"column": value}',
          found: tokenKind(chunk, i),
        });
      }
      if (head) continue;
      if (depth > 0 && segStart >= 0) parts.push(chunk.slice(segStart));
      yield* rows;
    }
    if (head) {
      const text = head;
      const firstLine = line;
      try {
        const v = JSON.parse(text);
        throw sourceError(
          'json.not_array',
          file,
          `only a top-level array of objects is supported; found ${Array.isArray(v) ? 'an array' : typeof v === 'object' && v ? 'an object' : typeof v}`,
          {
            line: firstLine,
            expected: '[ {...}, {...} ]',
            found: jsonKind(v),
            hint: 'use NDJSON (.ndjson) for one object per line',
          },
        );
      } catch (e) {
        if ((e as { issue?: unknown }).issue) throw e;
        throw syntaxError(file, e, text, firstLine);
      }
    }
    if (!started)
      throw sourceError('json.parse', file, 'no JSON value in the file', { line, expected: 'a top-level array', found: 'only whitespace' });
    if (!ended)
      throw sourceError('json.parse', file, 'the top-level array is not closed (truncated file?)', {
        line,
        expected: ']',
        found: 'end of file',
      });
  } finally {
    input.destroy();
  }
}

/** What kind of JSON value this is, without its contents (which may be personal data). */
function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** The kind of token at `i` (a string, a number, a letter...), without its text. */
function tokenKind(text: string, i: number): string {
  const c = text[i];
  if (c === '"') return 'a string';
  if (/[-0-9]/.test(c)) return 'a number';
  if (/[tfn]/.test(c)) return 'a literal (true/false/null)';
  return `the character '${c}'`;
}
