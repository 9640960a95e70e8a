import { readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { DatacheckError } from '../../model/issue.js';

/**
 * A dbt YAML file (dbt_project.yml, profiles.yml, schema.yml) as plain data. A syntax error names
 * the file, line and column; `display` is the path as the user sees it.
 */
export function readYamlFile(file: string, display: string): unknown {
  return readYamlDocument(file, display).value;
}

/** A parsed YAML file, and where a key path such as `models[0].columns[2].name` is written in it. */
export interface YamlFile {
  value: unknown;
  /** 1-based line and column of the path, or of its nearest written parent. */
  locate(pathText: string): { line: number; column: number };
}

export function readYamlDocument(file: string, display: string): YamlFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DatacheckError({
      code: 'dbt.yaml_invalid',
      message: `${display}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      location: { file: display, line: 0, column: 0 },
    });
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    throw new DatacheckError({
      code: 'dbt.yaml_invalid',
      message: `${display}${pos ? `:${pos.line}:${pos.col}` : ''}: not valid YAML (${error.code})`,
      location: { file: display, line: pos?.line ?? 0, column: pos?.col ?? 0 },
      expected: 'a YAML document',
      found: error.message.split('\n')[0],
    });
  }
  const locate = (pathText: string) => {
    const keys = [...pathText.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
    for (let n = keys.length; n > 0; n--) {
      const node = doc.getIn(keys.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 1, column: 1 };
  };
  return { value: doc.toJS(), locate };
}

/** A plain object (mapping) or undefined: YAML gives anything, dbt files have mappings at every level that matters. */
export function asMapping(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
