import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { DatacheckError } from '../../model/issue.js';

/**
 * A dbt YAML file (dbt_project.yml, profiles.yml, schema.yml) as plain data. A syntax error names
 * the file, line and column; `display` is the path as the user sees it.
 */
export function readYamlFile(file: string, display: string): unknown {
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
  const doc = parseDocument(text, { prettyErrors: false });
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
  return doc.toJS();
}

/** A plain object (mapping) or undefined: YAML gives anything, dbt files have mappings at every level that matters. */
export function asMapping(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
