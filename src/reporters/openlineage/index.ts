import { OpenLineageClient, resolveConfig } from '../../openlineage/index.js';
import type { TransportConfig } from '../../openlineage/index.js';
import type { RunResult } from '../../model/result.js';
import type { Reporter, ReporterContext, ReporterOutcome } from '../reporter.js';
import { runEvents } from './run-events.js';

/**
 * `['openlineage', { namespace, job, producer, transport, outputFile, required }]`: sends the run's START and
 * COMPLETE/FAIL events. Where they go: `transport` here, else openlineage.yml, else OPENLINEAGE_URL,
 * else the console (see src/openlineage/config.ts).
 *
 * Delivery problems never cost the run: they come back as warnings for the CLI to print, and the
 * exit code stays the run's. With `required: true` (`--openlineage-required`) they throw, so the CLI
 * reports this reporter as failed and exits 2.
 */
export const openlineageReporter: Reporter = {
  name: 'openlineage',
  async render(run: RunResult, context: ReporterContext): Promise<ReporterOutcome> {
    const o = context.options;
    const env = (o.env as Record<string, string | undefined> | undefined) ?? process.env;
    const resolved = resolveConfig({
      env,
      cwd: context.cwd,
      ...(transportOption(o) && { transport: transportOption(o) }),
      ...(typeof o.namespace === 'string' && { namespace: o.namespace }),
      ...(typeof o.job === 'string' && { jobName: o.job }),
    });
    const fail = (warning: string): ReporterOutcome => {
      if (o.required === true) throw new Error(warning);
      return { warnings: [warning] };
    };
    if (!resolved.ok) return fail(`OpenLineage events not sent: ${resolved.warning}`);
    const { config } = resolved;
    const client = new OpenLineageClient(config.transport, { write: (text) => context.stdout.write(text) });
    const events = runEvents(run, {
      namespace: config.namespace,
      ...(config.jobName && { job: config.jobName }),
      ...(typeof o.producer === 'string' && { producer: o.producer }),
    });
    for (const [i, event] of events.entries()) {
      const result = await client.emit(event);
      if (!result.ok) {
        // The endpoint is not taking events: sending the end of a run whose START was lost helps no one.
        const skipped = events.length - i - 1;
        return fail(`OpenLineage ${event.eventType} event not sent${skipped ? ` (nor the ${skipped} after it)` : ''}: ${result.warning}`);
      }
    }
    return client.transport.files?.length ? { files: [...client.transport.files] } : {};
  },
};

/** `transport: {...}` from the config, or `--output-file openlineage=<path>` (a file; `-` is stdout). */
function transportOption(o: Record<string, unknown>): TransportConfig | undefined {
  if (isObject(o.transport)) return o.transport as TransportConfig;
  if (typeof o.outputFile === 'string') return o.outputFile === '-' ? { type: 'console' } : { type: 'file', log_file_path: o.outputFile };
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
