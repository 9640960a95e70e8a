import type { ReporterSpec } from '../model/config.js';
import { REPORTERS, isReporterName } from '../reporters/registry.js';
import type { ReporterName } from '../reporters/reporter-options.js';

/** Reporters a bare `--output-file` never goes to (openlineage takes one only as `openlineage=<path>`). */
const NOT_FILE_WRITERS = new Set(['console', 'openlineage']);

export interface SelectedReporter {
  name: ReporterName;
  options: Record<string, unknown>;
}

export type Selection = { ok: true; reporters: SelectedReporter[] } | { ok: false; message: string };

/**
 * Which reporters run, with what options. `--reporter` (repeatable) replaces the config's list;
 * `--output-file path` goes to the one file-writing reporter, `--output-file name=path` to a named
 * one. The console reporter is the default.
 */
export function selectReporters(
  cli: string[] | undefined,
  config: ReporterSpec[] | undefined,
  outputFiles: string[] | undefined,
): Selection {
  const specs: ReporterSpec[] = cli?.length ? cli : config?.length ? config : ['console'];
  const reporters: SelectedReporter[] = [];
  for (const spec of specs) {
    const [name, options] = typeof spec === 'string' ? [spec, {}] : [spec[0], { ...(spec[1] ?? {}) }];
    if (!isReporterName(name)) {
      return { ok: false, message: `unknown reporter '${name}': expected one of ${Object.keys(REPORTERS).join(', ')}` };
    }
    const existing = reporters.find((r) => r.name === name);
    if (existing) Object.assign(existing.options, options);
    else reporters.push({ name, options });
  }
  for (const value of outputFiles ?? []) {
    const named = /^([a-z][\w-]*)=(.+)$/i.exec(value);
    if (named) {
      const target = reporters.find((r) => r.name === named[1]);
      if (!target)
        return {
          ok: false,
          message: `--output-file ${value} names reporter '${named[1]}', which is not selected (add --reporter ${named[1]})`,
        };
      target.options.outputFile = named[2];
      continue;
    }
    const writers = reporters.filter((r) => !NOT_FILE_WRITERS.has(r.name));
    if (writers.length !== 1) {
      return {
        ok: false,
        message:
          writers.length === 0
            ? `--output-file ${value} needs a reporter that writes a file, e.g. --reporter json`
            : `--output-file ${value} is ambiguous with reporters ${writers.map((w) => w.name).join(', ')}: write --output-file <reporter>=<path>`,
      };
    }
    writers[0].options.outputFile = value;
  }
  return { ok: true, reporters };
}

/**
 * `--openlineage-required`: the openlineage reporter runs (added when not selected) and a failure to
 * deliver its events fails the reporter, so the command exits 2.
 */
export function requireOpenLineage(reporters: SelectedReporter[]): void {
  const selected = reporters.find((r) => r.name === 'openlineage');
  if (selected) selected.options.required = true;
  else reporters.push({ name: 'openlineage', options: { required: true } });
}
