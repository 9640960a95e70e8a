import path from 'node:path';
import type { Target } from '../../lifecycle/suggest/profile-data.js';
import { profileData } from '../../lifecycle/suggest/profile-data.js';
import { suggestColumns } from '../../lifecycle/suggest/suggest-contract.js';
import { contractSource } from '../../lifecycle/suggest/write-contract.js';
import { loadConfigFile } from '../../prepare/config-file.js';
import { loaderForRun } from '../../prepare/run-loader.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { printIssue, refuseExisting, writeOutput } from './lifecycle-io.js';

export interface SuggestOptions {
  connection?: string;
  name?: string;
  output?: string;
  config?: string;
}

/**
 * `datacheck suggest <data file | table>`: profiles the data and writes a contract whose every rule
 * holds on it, to `contracts/<name>.contract.ts` (never over an existing file) or `--output -`.
 */
export async function suggestCommand(data: string, opts: SuggestOptions, io: CliIo): Promise<number> {
  const { loader, useConfig } = loaderForRun(io.cwd, undefined, io.env);
  const loaded = await loadConfigFile(opts.config, io.cwd, loader);
  await loader.close();
  useConfig(loaded.config);
  for (const issue of loaded.issues) printIssue(io, issue);
  if (loaded.issues.length > 0) return EXIT.error;
  const target: Target = opts.connection ? { table: data, connection: opts.connection } : { file: data };
  const name = opts.name ?? datasetName(data);
  const output = opts.output ?? path.join('contracts', `${name}.contract.ts`);
  if (output !== '-') {
    const inTheWay = refuseExisting(io, [output]);
    if (inTheWay) {
      printIssue(io, inTheWay);
      return EXIT.error;
    }
  }
  const profile = await profileData(target, io.cwd, loaded.config.connections ?? {});
  if ('code' in profile) {
    printIssue(io, profile);
    return EXIT.error;
  }
  const text = contractSource({
    name,
    source: profile.source,
    rowCount: profile.rowCount,
    drawnFrom: data,
    columns: suggestColumns(profile),
    skipped: profile.skipped,
  });
  const problem = writeOutput(io, text, output, [data]);
  if (problem) printIssue(io, problem);
  return problem ? EXIT.error : EXIT.passed;
}

/** `data/Order Items.csv.gz` -> `order_items`; `main.products` -> `products`. */
function datasetName(data: string): string {
  const base = path.basename(data).replace(/\.(csv|tsv|json|ndjson|jsonl|parquet)(\.gz)?$/i, '');
  const last = base.includes('.') && !/\.(csv|tsv|json|ndjson|jsonl|parquet)/i.test(data) ? base.slice(base.lastIndexOf('.') + 1) : base;
  return (
    last
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'dataset'
  );
}
