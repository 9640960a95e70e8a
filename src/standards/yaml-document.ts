import { LineCounter, parseDocument } from 'yaml';
import type { Issue } from '../model/issue.js';

/** A path into a parsed document, as JSON Schema validators name it: keys and array indexes. */
export type DocPath = readonly (string | number)[];

/** A YAML (or JSON) file parsed to plain data, keeping where each value was written. */
export interface YamlDocument {
  file: string;
  value: unknown;
  /** The 1-based line and column of the value at `path`, or of its nearest ancestor that exists. */
  locate(path: DocPath): { line: number; column: number };
}

/**
 * Parses YAML with the `yaml` library (its LineCounter gives lines): a syntax error is an issue
 * naming the line, never a crash. JSON files parse too (JSON is YAML).
 */
export function parseYamlDocument(text: string, file: string): { ok: true; doc: YamlDocument } | { ok: false; issue: Issue } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    return {
      ok: false,
      issue: {
        code: 'standard.yaml_syntax',
        message: `${file}:${pos.line}: ${e.message.split('\n')[0]}`,
        location: { file, line: pos.line, column: pos.col },
        expected: 'valid YAML',
        found: e.code,
      },
    };
  }
  const locate = (path: DocPath) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
      // A key's node: report the key's own line when the value is missing.
    }
    return { line: 1, column: 1 };
  };
  return { ok: true, doc: { file, value: doc.toJS({ maxAliasCount: 100 }), locate } };
}

/** `/schema/0/properties/2` -> ['schema', 0, 'properties', 2] (JSON Pointer, as ajv's instancePath). */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** ['schema', 0, 'name'] -> `schema[0].name`, the way a person reads a path. */
export function pathText(path: DocPath): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s === '' ? p : `${s}.${p}`), '') || '(the document)';
}
