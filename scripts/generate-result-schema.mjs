#!/usr/bin/env node
// Writes schema/run-result.schema.json, the JSON Schema of what `datacheck --reporter json` saves
// (RunResult in src/model/result.ts), generated from the types with ts-json-schema-generator so the
// two cannot drift (tests/model/result-schema.test.ts regenerates it and compares).
//   npm run gen:result-schema                             writes the file
//   node scripts/generate-result-schema.mjs --stdout      prints it
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = path.join(root, 'schema/run-result.schema.json');

export function generate() {
  const schema = createGenerator({
    path: path.join(root, 'src/model/result.ts'),
    tsconfig: path.join(root, 'tsconfig.build.json'),
    type: 'RunResult',
    // The model's types only: type-checking the whole program here would add seconds and nothing.
    skipTypeCheck: true,
    // Doc comments become descriptions, so the schema documents each field as the types do.
    jsDoc: 'extended',
    // Objects are closed: a misspelt or unknown field in a saved result is an error, not ignored.
    additionalProperties: false,
    sortProps: true,
    topRef: true,
  }).createSchema('RunResult');
  const header = {
    title: 'datacheck run result',
    $comment: 'Generated from src/model/result.ts by scripts/generate-result-schema.mjs (npm run gen:result-schema); do not edit.',
  };
  return `${JSON.stringify({ $schema: schema.$schema, ...header, ...schema }, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = generate();
  if (process.argv.includes('--stdout')) process.stdout.write(text);
  else {
    mkdirSync(path.dirname(OUTPUT), { recursive: true });
    writeFileSync(OUTPUT, text);
    console.log(`wrote ${path.relative(process.cwd(), OUTPUT)}`);
  }
}
