import type { TransportConfig } from '../openlineage/index.js';

/** Options of a reporter that writes one file. */
export type FileReporterOptions = {
  /** Where the report goes, relative to the project root; `'-'` is stdout. Each reporter has a default under reports/. */
  outputFile?: string;
};

/**
 * Every reporter's name and its options: the one list the registry (registry.ts), `--reporter`
 * and `defineConfig({ reporters })` are typed from, so a misspelt reporter name or option in
 * datacheck.config.ts is a compile error. Types only: the config file's types cost no import of
 * the reporters themselves. A new reporter adds its line here and in registry.ts.
 */
// Type aliases, not interfaces: they stay assignable to the config's plain Record<string, unknown> options.
export type ReporterOptionsByName = {
  /**
   * The console reporter takes no options (colour follows NO_COLOR and the terminal; `--verbose` lists passes):
   * `never` makes `['console', {...}]` a compile error. (`Record<string, never>` would make every other
   * reporter's misspelt option read "not assignable to never".)
   */
  console: never;
  json: FileReporterOptions;
  junit: FileReporterOptions & {
    /** Add `file`/`line` attributes to each testcase (GitLab and GitHub annotations use them; the Jenkins xunit schema rejects them). */
    fileAttributes?: boolean;
  };
  markdown: FileReporterOptions & {
    /** Checks listed under "Needs attention" (default 20). */
    maxRows?: number;
  };
  html: FileReporterOptions;
  openlineage: {
    /** Where the events go; default: openlineage.yml, else OPENLINEAGE_URL, else the console. */
    transport?: TransportConfig;
    /** A file of events (`'-'` is stdout), the same as `transport: { type: 'file', log_file_path }`. */
    outputFile?: string;
    /** Job namespace (default: openlineage.yml, OPENLINEAGE_NAMESPACE, `default`). */
    namespace?: string;
    /** Job name (default `datacheck.<project directory name>`). */
    job?: string;
    /** The events' `producer` URI (default datacheck's repository at the running version). */
    producer?: string;
    /** A failure to deliver the events fails the run (exit 2), as `--openlineage-required` does. */
    required?: boolean;
  };
};

export type ReporterName = keyof ReporterOptionsByName;

/** A reporter in the config: its name, or `[name, options]` like vitest's config, typed per reporter. */
export type TypedReporterSpec = { [N in ReporterName]: N | [N, ReporterOptionsByName[N]] }[ReporterName];
