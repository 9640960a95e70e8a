import path from 'node:path';
import fg from 'fast-glob';
import { DatacheckError } from '../../model/issue.js';
import { asMapping, readYamlDocument } from '../../access/dbt/read-yaml.js';
import type { YamlFile } from '../../access/dbt/read-yaml.js';
import type { DbtColumnSpec, DbtConstraint, DbtNodeSpec, DbtTest } from './dbt-yaml-model.js';

const CONFIG_KEYS = new Set([
  'severity',
  'where',
  'warn_if',
  'error_if',
  'limit',
  'store_failures',
  'tags',
  'enabled',
  'fail_calc',
  'meta',
]);

/** Every model/seed/snapshot/source documented in the YAML files under the project's model, seed and snapshot paths. */
export async function readSchemaFiles(projectDir: string, folders: string[]): Promise<DbtNodeSpec[]> {
  const files = await fg(
    folders.map((f) => `${fg.escapePath(f)}/**/*.{yml,yaml}`),
    { cwd: projectDir, onlyFiles: true },
  );
  const specs: DbtNodeSpec[] = [];
  for (const file of files.sort()) specs.push(...readSchemaFile(projectDir, file));
  return specs;
}

function readSchemaFile(projectDir: string, file: string): DbtNodeSpec[] {
  const yaml = readYamlDocument(path.join(projectDir, file), file);
  const doc = asMapping(yaml.value) ?? {};
  const shapeError = shapeErrorIn(file, yaml);
  const list = (key: string): Record<string, unknown>[] => {
    const v = doc[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw shapeError(key, 'a list', typeof v);
    return v.map((e, i) => asMapping(e) ?? (shapeError(`${key}[${i}]`, 'a mapping with a name', typeof e) as never));
  };
  const specs: DbtNodeSpec[] = [];
  for (const kind of ['model', 'seed', 'snapshot'] as const) {
    for (const [i, m] of list(`${kind}s`).entries()) {
      if (typeof m.name !== 'string') throw shapeError(`${kind}s[${i}].name`, 'a name', typeof m.name);
      const config = asMapping(m.config) ?? {};
      specs.push({
        resourceType: kind,
        dbtName: m.name,
        dataset: m.name,
        file,
        ...(typeof m.description === 'string' && { description: m.description }),
        enforced: asMapping(config.contract)?.enforced === true,
        columns: columnsOf(m, shapeError, `${kind}s[${i}]`),
        tests: testsOf(m, shapeError, `${kind}s[${i}]`),
        constraints: constraintsOf(m.constraints),
      });
    }
  }
  for (const [i, s] of list('sources').entries()) {
    const tables = Array.isArray(s.tables) ? s.tables : [];
    for (const [j, raw] of tables.entries()) {
      const t = asMapping(raw) ?? {};
      if (typeof t.name !== 'string' || typeof s.name !== 'string')
        throw shapeError(`sources[${i}].tables[${j}].name`, 'a name', typeof t.name);
      const loadedAt = (t.loaded_at_field ?? s.loaded_at_field) as unknown;
      const freshness = asMapping(t.freshness ?? s.freshness);
      const after = asMapping(freshness?.error_after) ?? asMapping(freshness?.warn_after);
      specs.push({
        resourceType: 'source',
        dbtName: `${s.name}.${t.name}`,
        dataset: `${s.name}__${t.name}`,
        file,
        ...(typeof t.description === 'string' && { description: t.description }),
        enforced: false,
        columns: columnsOf(t, shapeError, `sources[${i}].tables[${j}]`),
        tests: testsOf(t, shapeError, `sources[${i}].tables[${j}]`),
        constraints: [],
        ...(typeof loadedAt === 'string' &&
          after &&
          typeof after.count === 'number' &&
          typeof after.period === 'string' && {
            freshness: { column: loadedAt, severity: freshness?.error_after ? 'error' : 'warn', count: after.count, period: after.period },
          }),
      });
    }
  }
  return specs;
}

function columnsOf(node: Record<string, unknown>, shapeError: ShapeError, where: string): DbtColumnSpec[] {
  const cols = Array.isArray(node.columns) ? node.columns : [];
  return cols.map((raw, i) => {
    const c = asMapping(raw) ?? {};
    if (typeof c.name !== 'string') throw shapeError(`${where}.columns[${i}].name`, 'a column name', typeof c.name);
    return {
      name: c.name,
      ...(typeof c.description === 'string' && { description: c.description }),
      ...(typeof c.data_type === 'string' && { dataType: c.data_type }),
      pii: isPii(c),
      constraints: constraintsOf(c.constraints),
      tests: testsOf(c, shapeError, `${where}.columns[${i}]`),
    };
  });
}

/** `data_tests:` (dbt >= 1.8) and the older `tests:`, both read. */
function testsOf(node: Record<string, unknown>, shapeError: ShapeError, where: string): DbtTest[] {
  const raw = [...(Array.isArray(node.data_tests) ? node.data_tests : []), ...(Array.isArray(node.tests) ? node.tests : [])];
  // The index is of the merged list: the location falls back to the test list's parent when it is off.
  return raw.map((t, i) => normalizeTest(t, shapeError, `${where}.${Array.isArray(node.data_tests) ? 'data_tests' : 'tests'}[${i}]`));
}

function normalizeTest(raw: unknown, shapeError: ShapeError, where: string): DbtTest {
  if (typeof raw === 'string') return { name: raw, args: {} };
  const m = asMapping(raw);
  if (!m) throw shapeError(where, 'a test name or { test_name: { arguments } }', typeof raw);
  let name: string;
  let body: Record<string, unknown>;
  if (typeof m.test_name === 'string') {
    // dbt 1.10: { name: my_custom_name, test_name: accepted_values, arguments: {...}, config: {...} }
    name = m.test_name;
    body = m;
  } else {
    const keys = Object.keys(m);
    if (keys.length !== 1) throw shapeError(where, 'one test name as the key', keys.join(', ') || 'no key');
    name = keys[0];
    body = asMapping(m[name]) ?? {};
  }
  const config = { ...Object.fromEntries(Object.entries(body).filter(([k]) => CONFIG_KEYS.has(k))), ...(asMapping(body.config) ?? {}) };
  const args =
    asMapping(body.arguments) ??
    Object.fromEntries(
      Object.entries(body).filter(([k]) => !CONFIG_KEYS.has(k) && !['config', 'name', 'test_name', 'description'].includes(k)),
    );
  const severity = typeof config.severity === 'string' ? config.severity.toLowerCase() : undefined;
  return {
    name,
    args,
    ...((severity === 'warn' || severity === 'error') && { severity }),
    ...(typeof config.where === 'string' && { where: config.where }),
    ...(typeof config.warn_if === 'string' && { warnIf: config.warn_if }),
    ...(typeof config.error_if === 'string' && { errorIf: config.error_if }),
    ...(typeof body.description === 'string' && { description: body.description }),
  };
}

function constraintsOf(raw: unknown): DbtConstraint[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r) => {
    const c = asMapping(r);
    if (!c || typeof c.type !== 'string') return [];
    return [
      {
        type: c.type,
        ...(typeof c.expression === 'string' && { expression: c.expression }),
        ...(Array.isArray(c.columns) && { columns: c.columns.map(String) }),
        ...(typeof c.to === 'string' && { to: c.to }),
        ...(Array.isArray(c.to_columns) && { toColumns: c.to_columns.map(String) }),
      },
    ];
  });
}

const PII_META = ['pii', 'contains_pii', 'is_pii'];

/** dbt has no pii setting of its own: teams mark columns in `meta` or with a tag (also under `config:` since dbt 1.10). */
function isPii(column: Record<string, unknown>): boolean {
  const config = asMapping(column.config) ?? {};
  const meta = { ...(asMapping(column.meta) ?? {}), ...(asMapping(config.meta) ?? {}) };
  const tags = [...(Array.isArray(column.tags) ? column.tags : []), ...(Array.isArray(config.tags) ? config.tags : [])];
  return PII_META.some((k) => meta[k] === true) || tags.some((t) => String(t).toLowerCase() === 'pii');
}

type ShapeError = (key: string, expected: string, found: string) => DatacheckError;

/** An error about the file's shape, at the line and column where the key is written. */
function shapeErrorIn(file: string, yaml: YamlFile): ShapeError {
  return (key, expected, found) => {
    const { line, column } = yaml.locate(key);
    return new DatacheckError({
      code: 'dbt.yaml_invalid',
      message: `${file}:${line}:${column}: ${key} is not ${expected}`,
      expected,
      found,
      location: { file, line, column },
    });
  };
}
