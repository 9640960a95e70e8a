import type { JsonSchemaDraft } from '../../lifecycle/json-schema.js';
import { contractJsonSchema } from '../../lifecycle/json-schema.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { loadOneContract, printIssue, writeOutput } from './lifecycle-io.js';

export interface ExportJsonSchemaOptions {
  contract?: string;
  draft: JsonSchemaDraft;
  output?: string;
}

/**
 * `datacheck export jsonschema <contract>`: the JSON Schema of one row. What a row schema cannot
 * hold (keys, references, date bounds) is listed on stderr, so nobody mistakes it for the whole contract.
 */
export async function exportJsonSchemaCommand(file: string, opts: ExportJsonSchemaOptions, io: CliIo): Promise<number> {
  const contract = await loadOneContract(file, opts.contract, io);
  if (!contract) return EXIT.error;
  const { schema, notExpressed } = contractJsonSchema(contract, opts.draft);
  for (const rule of notExpressed) io.stderr.write(`note: not in the JSON Schema: ${rule}\n`);
  const problem = writeOutput(io, `${JSON.stringify(schema, null, 2)}\n`, opts.output, [file]);
  if (problem) {
    printIssue(io, problem);
    return EXIT.error;
  }
  return EXIT.passed;
}
