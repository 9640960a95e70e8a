import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { RunEvent } from '../generated/openlineage.js';
import type { EmitResult, Transport } from './transport.js';

/**
 * Appends each event as one line of JSON (JSON Lines), like the Java client's file transport and
 * the Python one with `append: true`. Parent directories are created.
 */
export function fileTransport(options: { path: string }): Transport {
  const file = path.resolve(options.path);
  const files: string[] = [];
  return {
    kind: 'file',
    files,
    async emit(event: RunEvent): Promise<EmitResult> {
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await appendFile(file, `${JSON.stringify(event)}\n`, 'utf8');
        if (!files.includes(file)) files.push(file);
        return { ok: true };
      } catch (e) {
        return { ok: false, warning: `could not write ${file}: ${(e as Error)?.message ?? String(e)}` };
      }
    },
  };
}
