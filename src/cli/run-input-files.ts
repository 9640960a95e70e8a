import path from 'node:path';
import type { ConnectionDef } from '../model/config.js';
import type { ContractDef } from '../model/contract.js';
import { ReadFiles } from '../reporters/protect-inputs.js';
import { resolveFiles } from '../sources/resolve-files.js';

export interface RunInputs {
  cwd: string;
  /** Contract and suite files found by discovery. */
  userFiles: string[];
  configFile?: string | undefined;
  contracts: ContractDef[];
  connections?: Record<string, ConnectionDef> | undefined;
}

/**
 * Every file the run will read, known before it reads any data: the contract, suite and config
 * files, the data files of file sources (globs expanded, as the sources will expand them), DuckDB
 * database files and TLS files of connections. A pattern that matches nothing is left to the run,
 * which reports it on its dataset.
 */
export async function runInputFiles(inputs: RunInputs): Promise<ReadFiles> {
  const read = new ReadFiles([...inputs.userFiles, ...(inputs.configFile ? [inputs.configFile] : [])]);
  for (const contract of inputs.contracts) {
    const source = contract.source;
    if (!source || !('file' in source)) continue;
    const patterns = Array.isArray(source.file) ? source.file : [source.file];
    for (const pattern of patterns) {
      const files = await resolveFiles([pattern], inputs.cwd).catch(() => []);
      for (const f of files) read.add(f.absolute);
    }
  }
  for (const def of Object.values(inputs.connections ?? {})) {
    if (def.path) read.add(path.resolve(inputs.cwd, def.path));
    if (typeof def.ssl === 'object')
      for (const f of [def.ssl.caFile, def.ssl.certFile, def.ssl.keyFile]) if (f) read.add(path.resolve(inputs.cwd, f));
  }
  return read;
}
