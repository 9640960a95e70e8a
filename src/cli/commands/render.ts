import path from 'node:path';
import type { RunResult } from '../../model/result.js';
import type { CliIo } from '../io.js';
import { wantsColor } from '../io.js';
import { REPORTERS } from '../../reporters/registry.js';
import type { SelectedReporter } from '../select-reporters.js';
import type { ReadFiles } from '../../reporters/protect-inputs.js';
import { capSamples } from '../../reporters/cap-samples.js';

/**
 * Runs every selected reporter over one result. A reporter that fails is reported on stderr and
 * the others still run (one broken report must not lose the rest); the caller then exits 2.
 * Sampled values are capped first (capSamples), whatever produced the result.
 */
export async function renderAll(
  uncapped: RunResult,
  reporters: SelectedReporter[],
  io: CliIo,
  flags: { verbose: boolean; debug: boolean; readFiles?: ReadFiles },
): Promise<{ ok: boolean; files: string[] }> {
  let ok = true;
  const run = capSamples(uncapped);
  const color = wantsColor(io);
  const written: string[] = [];
  for (const selected of reporters) {
    try {
      const reporter = await REPORTERS[selected.name]();
      const outcome = await reporter.render(run, {
        cwd: io.cwd,
        stdout: io.stdout,
        color,
        verbose: flags.verbose,
        options: selected.options,
        env: io.env,
        ...(flags.readFiles && { readFiles: flags.readFiles }),
      });
      if (outcome?.files) written.push(...outcome.files);
      for (const w of outcome?.warnings ?? []) io.stderr.write(`warning: ${w}\n`);
    } catch (e) {
      ok = false;
      const err = e as Error;
      io.stderr.write(`error: the ${selected.name} reporter failed: ${err?.message ?? String(e)}\n`);
      if (flags.debug && err?.stack) io.stderr.write(`${err.stack}\n`);
    }
  }
  // Files go to stderr's note so stdout stays exactly the report (pipeable).
  for (const f of written) io.stderr.write(`report written to ${relative(io.cwd, f)}\n`);
  return { ok, files: written.map((f) => relative(io.cwd, f)) };
}

function relative(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}
