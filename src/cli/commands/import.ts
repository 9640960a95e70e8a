import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contractSource, suiteSource } from '../../standards/contract-source.js';
import type { OdcsDocument } from '../../standards/odcs/odcs-document.js';
import { sourcesForServer } from '../../standards/odcs/servers.js';
import { odcsToDatacheck } from '../../standards/odcs/to-datacheck.js';
import { readStandardFile } from '../../standards/read-standard.js';
import type { Standard } from '../../standards/read-standard.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';

export interface ImportOptions {
  outDir?: string;
  server?: string;
  force?: boolean;
}

const issueText = (i: { message: string; expected?: string; found?: string }) =>
  `${i.message}${i.expected ? `\n  expected: ${i.expected}` : ''}${i.found ? `\n  found:    ${i.found}` : ''}`;

/**
 * `datacheck import odcs|dcs <file>`: each schema object (model) of a validated ODCS or Data
 * Contract Specification file becomes `contracts/<name>.contract.ts`, its quality rules
 * `checks/<name>.check.ts`. Existing files are kept unless --force; what cannot be imported is
 * listed on stderr.
 */
export async function importCommand(format: string, file: string, opts: ImportOptions, io: CliIo): Promise<number> {
  if (format !== 'odcs' && format !== 'dcs') {
    io.stderr.write(`error: datacheck import reads odcs or dcs; found '${format}'\n`);
    return EXIT.error;
  }
  const display = path.relative(io.cwd, path.resolve(io.cwd, file)) || file;
  const read = await readStandardFile(path.resolve(io.cwd, file), display, { expect: format as Standard, env: io.env });
  if (!read.ok) {
    for (const i of read.issues) io.stderr.write(`error: ${issueText(i)}\n`);
    return EXIT.error;
  }
  const { doc } = read.value;
  const odcs = doc.value as OdcsDocument;
  const server = odcs.servers?.length ? sourcesForServer(odcs.servers, opts.server, display, io.env) : undefined;
  if (server && !server.ok) io.stderr.write(`warning: no source written: ${issueText(server.issue)}\n`);
  const sources = server?.ok ? server.sources : undefined;
  const mapping = odcsToDatacheck(doc, sources && ((o) => sources.sourceOf(o.name, o.physicalName)));
  for (const i of mapping.issues) io.stderr.write(`warning: not imported: ${issueText(i)}\n`);
  const out = path.resolve(io.cwd, opts.outDir ?? '.');
  const files: { file: string; text: string }[] = [];
  for (const { contract, checks } of mapping.datasets) {
    const base = contract.name.replace(/[^\w.-]/g, '_');
    files.push({ file: path.join(out, 'contracts', `${base}.contract.ts`), text: contractSource(contract, display) });
    if (checks.length > 0)
      files.push({
        file: path.join(out, 'checks', `${base}.check.ts`),
        text: suiteSource(`../contracts/${base}.contract`, checks, display),
      });
  }
  const existing = files.filter((f) => existsSync(f.file));
  if (existing.length > 0 && !opts.force) {
    for (const f of existing) io.stderr.write(`error: ${path.relative(io.cwd, f.file)} exists (use --force to overwrite it)\n`);
    return EXIT.error;
  }
  for (const f of files) {
    await mkdir(path.dirname(f.file), { recursive: true });
    await writeFile(f.file, f.text);
    io.stdout.write(`wrote ${path.relative(io.cwd, f.file)}\n`);
  }
  const connections = Object.entries(sources?.connections ?? {});
  if (connections.length > 0) {
    io.stderr.write(
      `note: add ${connections.map(([n, c]) => `connections.${n} (kind '${c.kind}'${c.path ? `, path '${c.path}'` : ''}${c.urlEnv ? `, urlEnv '${c.urlEnv}'` : ''})`).join(', ')} to datacheck.config.ts\n`,
    );
  }
  return EXIT.passed;
}
