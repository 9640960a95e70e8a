import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonSchema } from '../../lifecycle/json-schema.js';
import { contractJsonSchema } from '../../lifecycle/json-schema.js';
import { rowTypes, typeNameFor } from '../../lifecycle/row-types.js';
import type { Issue } from '../../model/issue.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { loadOneContract, printIssue, writeOutput } from './lifecycle-io.js';

export interface TypesOptions {
  contract?: string;
  name?: string;
  output?: string;
}

/**
 * `datacheck types <contract.ts | schema.json>`: a TypeScript row type for consumers, from the
 * contract's JSON Schema or from a published schema file (a consumer may have only that).
 */
export async function typesCommand(file: string, opts: TypesOptions, io: CliIo): Promise<number> {
  const read = file.endsWith('.json') ? readSchemaFile(file, io) : await schemaOfContract(file, opts.contract, io);
  if (!read) return EXIT.error;
  if ('issue' in read) {
    printIssue(io, read.issue);
    return EXIT.error;
  }
  const source = read.schema;
  const title = typeof source.title === 'string' ? source.title : path.basename(file).replace(/\..*$/, '');
  let text: string;
  try {
    text = await rowTypes(source, opts.name ?? typeNameFor(title), file);
  } catch (e) {
    printIssue(io, {
      code: 'lifecycle.invalid_json_schema',
      message: `${file}: cannot make types from this schema: ${(e as Error).message}`,
      expected: 'a JSON Schema of one row (type: object with properties)',
    });
    return EXIT.error;
  }
  const problem = writeOutput(io, text, opts.output, [file]);
  if (problem) printIssue(io, problem);
  return problem ? EXIT.error : EXIT.passed;
}

type SchemaRead = { schema: JsonSchema } | { issue: Issue };

async function schemaOfContract(file: string, name: string | undefined, io: CliIo): Promise<SchemaRead | undefined> {
  const contract = await loadOneContract(file, name, io);
  return contract && { schema: contractJsonSchema(contract).schema };
}

function readSchemaFile(file: string, io: CliIo): SchemaRead {
  const issue = (i: Issue): SchemaRead => ({ issue: i });
  let text: string;
  try {
    text = readFileSync(path.resolve(io.cwd, file), 'utf8');
  } catch (e) {
    return issue({
      code: 'lifecycle.invalid_json_schema',
      message: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return issue({
      code: 'lifecycle.invalid_json_schema',
      message: `${file} is not JSON: ${(e as Error).message}`,
      expected: 'a JSON Schema document',
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value as JsonSchema).type !== 'object') {
    return issue({
      code: 'lifecycle.invalid_json_schema',
      message: `${file} is not the JSON Schema of a row`,
      location: { file, line: 1, column: 1 },
      expected: 'an object schema: { "type": "object", "properties": { ... } }',
      found: Array.isArray(value) ? 'an array' : `type ${JSON.stringify((value as JsonSchema | null)?.type ?? null)}`,
    });
  }
  return { schema: value as JsonSchema };
}
