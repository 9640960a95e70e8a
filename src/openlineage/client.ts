import type { RunEvent } from './generated/openlineage.js';
import { redact } from './redact.js';
import type { TransportConfig } from './config.js';
import { consoleTransport, noopTransport } from './transports/console.js';
import { fileTransport } from './transports/file.js';
import { httpTransport } from './transports/http.js';
import type { HttpTransportOptions } from './transports/http.js';
import type { EmitResult, Transport } from './transports/transport.js';

export interface ClientOptions {
  /** Where console output goes (default process.stdout). */
  write?: (text: string) => unknown;
  /** Test seams and tuning for the http transport, e.g. short backoffs. */
  http?: Partial<Pick<HttpTransportOptions, 'fetch' | 'sleep' | 'timeoutMs' | 'retries' | 'backoffMs'>>;
}

/** Builds the transport a config describes. */
export function createTransport(config: TransportConfig, options: ClientOptions = {}): Transport {
  switch (config.type) {
    case 'http':
      return httpTransport({
        url: config.url,
        ...(config.endpoint !== undefined && { endpoint: config.endpoint }),
        ...(config.auth && { apiKey: config.auth.apiKey }),
        ...(config.timeout !== undefined && { timeoutMs: config.timeout * 1000 }),
        ...(config.retries !== undefined && { retries: config.retries }),
        ...(config.backoff !== undefined && { backoffMs: config.backoff * 1000 }),
        ...options.http,
      });
    case 'file':
      return fileTransport({ path: (config.log_file_path ?? config.location)! });
    case 'console':
      return consoleTransport(options.write ? { write: options.write } : {});
    case 'noop':
      return noopTransport();
  }
}

/**
 * Sends events through one transport. `emit` never throws and never rejects: whatever goes wrong
 * comes back as `{ ok: false, warning }`, with the API key (if any) removed from the text.
 */
export class OpenLineageClient {
  readonly transport: Transport;
  private readonly secrets: string[];

  constructor(transport: Transport | TransportConfig, options: ClientOptions = {}) {
    this.transport = 'emit' in transport ? transport : createTransport(transport, options);
    this.secrets = !('emit' in transport) && transport.type === 'http' && transport.auth ? [transport.auth.apiKey] : [];
  }

  async emit(event: RunEvent): Promise<EmitResult> {
    try {
      const result = await this.transport.emit(event);
      return result.ok ? result : { ok: false, warning: redact(result.warning, this.secrets) };
    } catch (e) {
      return {
        ok: false,
        warning: redact(`the ${this.transport.kind} transport failed: ${(e as Error)?.message ?? String(e)}`, this.secrets),
      };
    }
  }
}
