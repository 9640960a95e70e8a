import { readFile } from 'node:fs/promises';
import type { Issue } from '../model/issue.js';
import { dcsToOdcs } from './dcs/dcs-to-odcs.js';
import type { OdcsDocument } from './odcs/odcs-document.js';
import { validateAgainst } from './validate-schema.js';
import type { YamlDocument } from './yaml-document.js';
import { parseYamlDocument } from './yaml-document.js';

export type Standard = 'odcs' | 'dcs';

/** A contract file of an open standard, validated, as an ODCS document (DCS is translated). */
export interface StandardDocument {
  standard: Standard;
  /** The ODCS document; its `locate` answers with lines of the file as written. */
  doc: YamlDocument;
}

const LATEST = 'odcs-json-schema-v3.1.0.json';

/** The official schema each apiVersion is validated against (v3.0.x against 3.0.2, its last patch). */
function odcsSchemaFile(apiVersion: unknown): string | undefined {
  if (typeof apiVersion !== 'string') return undefined;
  if (/^v3\.1(\.\d+)?$/.test(apiVersion)) return LATEST;
  if (/^v3\.0(\.\d+)?$/.test(apiVersion)) return 'odcs-json-schema-v3.0.2.json';
  return undefined;
}

/**
 * Reads an ODCS (v3.0, v3.1) or Data Contract Specification file, validates it against the
 * official JSON Schema (ajv) and returns it as ODCS. Any problem is a list of issues with the
 * file's line and the JSON path: the contract is then not run.
 */
export async function readStandardFile(
  file: string,
  display: string,
  opts: { expect?: Standard; env?: NodeJS.ProcessEnv } = {},
): Promise<{ ok: true; value: StandardDocument } | { ok: false; issues: Issue[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return {
      ok: false,
      issues: [
        {
          code: 'standard.unreadable',
          message: `cannot read ${display}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
          expected: 'a readable contract file',
          found: display,
        },
      ],
    };
  }
  const parsed = parseYamlDocument(text, display);
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
  const raw = parsed.doc;
  const value = raw.value as Record<string, unknown> | null;
  const isDcs = value !== null && typeof value === 'object' && 'dataContractSpecification' in value;
  const standard: Standard = isDcs ? 'dcs' : 'odcs';
  if (opts.expect && opts.expect !== standard) {
    return {
      ok: false,
      issues: [
        {
          code: 'standard.schema_invalid',
          message: `${display} is not ${opts.expect === 'odcs' ? 'an ODCS' : 'a Data Contract Specification'} document`,
          location: { file: display, line: 1, column: 1 },
          expected: opts.expect === 'odcs' ? "'apiVersion: v3.x.x' and 'kind: DataContract'" : "'dataContractSpecification: <version>'",
          found: isDcs ? 'a Data Contract Specification document' : 'no dataContractSpecification field',
        },
      ],
    };
  }
  if (isDcs) {
    const issues = validateAgainst(raw, 'datacontract-spec', 'datacontract.schema.json', 'Data Contract Specification', opts.env);
    if (issues.length > 0) return { ok: false, issues };
    const { odcs, pathBack } = dcsToOdcs(value);
    return { ok: true, value: { standard, doc: { file: display, value: odcs, locate: (p) => raw.locate(pathBack(p)) } } };
  }
  const schemaFile = odcsSchemaFile((value as Partial<OdcsDocument> | null)?.apiVersion);
  if (!schemaFile) {
    const at = raw.locate(['apiVersion']);
    return {
      ok: false,
      issues: [
        {
          code: 'standard.schema_invalid',
          message: `${display}:${at.line}: apiVersion must be an ODCS v3.0 or v3.1 version`,
          location: { file: display, ...at },
          expected: "apiVersion 'v3.1.0' or 'v3.0.x'",
          found: JSON.stringify((value as Record<string, unknown> | null)?.apiVersion ?? null),
        },
      ],
    };
  }
  const apiVersion = (value as OdcsDocument).apiVersion;
  const issues = validateAgainst(raw, 'odcs', schemaFile, `ODCS ${apiVersion}`, opts.env);
  // The v3.1.0 schema lists the v3.0.x apiVersions as its own, and v3.0 contracts written by
  // today's tools use its spellings (`metric` for 3.0.2's `rule`): either schema accepts a v3.0 file.
  if (issues.length > 0 && schemaFile !== LATEST && validateAgainst(raw, 'odcs', LATEST, 'ODCS v3.1.0', opts.env).length === 0) {
    return { ok: true, value: { standard, doc: raw } };
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { standard, doc: raw } };
}
