import { setTimeout as sleep } from 'node:timers/promises';
import type { AlertDef } from '../model/config.js';
import type { RunResult } from '../model/result.js';
import { alertBody, wantsAlert } from './alert-message.js';

export interface AlertDelivery {
  /** `slack (SLACK_WEBHOOK_URL)`: the kind and the variable's name, never the URL. */
  alert: string;
  ok: boolean;
  /** Why it was not delivered, in words without the URL: `HTTP 500 after 3 attempts`, `timed out after 5000 ms`. */
  reason?: string;
}

export interface SendOptions {
  env: NodeJS.ProcessEnv;
  /** The report to link to (a path relative to the project), when one was written. */
  report?: string;
  /** Per attempt (default 5000 ms). */
  timeoutMs?: number;
  /** Attempts in all (default 3); waits 250 ms, then 500 ms... between them. */
  attempts?: number;
  backoffMs?: number;
}

/**
 * Sends the alerts the run calls for, after it. A status of 5xx or 429, a timeout or a network
 * error is tried again with backoff; another 4xx is not (the request itself is wrong). The URL is
 * a secret: it is read from the environment and appears in no message.
 */
export async function sendAlerts(alerts: readonly AlertDef[], run: RunResult, options: SendOptions): Promise<AlertDelivery[]> {
  const due = alerts.filter((a) => wantsAlert(a, run));
  return Promise.all(due.map((a) => deliver(a, run, options)));
}

async function deliver(alert: AlertDef, run: RunResult, o: SendOptions): Promise<AlertDelivery> {
  const name = `${alert.kind} (${alert.urlEnv})`;
  const url = o.env[alert.urlEnv]?.trim();
  if (!url)
    return { alert: name, ok: false, reason: `the environment variable ${alert.urlEnv} is ${url === undefined ? 'not set' : 'empty'}` };
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    return { alert: name, ok: false, reason: `${alert.urlEnv} does not hold an http(s) URL (its value is not shown)` };
  }
  const body = JSON.stringify(alertBody(alert, run, o.report));
  const attempts = o.attempts ?? 3;
  const timeoutMs = o.timeoutMs ?? 5000;
  let reason = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      await res.body?.cancel();
      if (res.ok) return { alert: name, ok: true };
      reason = `HTTP ${res.status}`;
      if (res.status < 500 && res.status !== 429)
        return { alert: name, ok: false, reason: `${reason} (not retried: the endpoint refused the request)` };
    } catch (e) {
      reason = describeFailure(e, timeoutMs);
    }
    if (attempt < attempts) await sleep((o.backoffMs ?? 250) * 2 ** (attempt - 1));
  }
  return { alert: name, ok: false, reason: `${reason} after ${attempts} attempts` };
}

/** A fetch failure in words that cannot contain the URL: the timeout, or the system error's code. */
function describeFailure(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; cause?: { code?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  const code = err?.cause?.code;
  return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? `network error ${code}` : 'network error';
}
