import type { RunEvent } from '../generated/openlineage.js';
import type { EmitResult, Transport } from './transport.js';

/** Writes each event as one line of JSON to a stream (stdout by default): for debugging and pipes. */
export function consoleTransport(options: { write?: (text: string) => unknown } = {}): Transport {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  return {
    kind: 'console',
    async emit(event: RunEvent): Promise<EmitResult> {
      write(`${JSON.stringify(event)}\n`);
      return { ok: true };
    },
  };
}

/** Sends nothing (OPENLINEAGE_DISABLED=true, or `transport: { type: noop }`). */
export function noopTransport(): Transport {
  return { kind: 'noop', emit: async () => ({ ok: true }) };
}
