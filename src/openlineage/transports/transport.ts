import type { RunEvent } from '../generated/openlineage.js';

/** What sending one event came to. Never an exception: a lineage backend must not cost the run. */
export type EmitResult = { ok: true } | { ok: false; warning: string };

/** Where events go. Implementations return failures as values; the client still guards against throws. */
export interface Transport {
  /** `http`, `file`, `console`, `noop`: shown in warnings. */
  readonly kind: string;
  emit(event: RunEvent): Promise<EmitResult>;
  /** Files written, for the caller to list (file transport only). */
  readonly files?: string[];
}
