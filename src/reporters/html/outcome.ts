import type { DatasetResult, Outcome, RunOutcome } from '../../model/result.js';

/** Every outcome has an icon and a word: colour only repeats what they say. */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  error: 'Error',
  fail: 'Failed',
  warn: 'Warning',
  skipped: 'Skipped',
  pass: 'Passed',
};
export const OUTCOME_ICON: Record<Outcome, string> = { error: '✖', fail: '✗', warn: '⚠', skipped: '–', pass: '✓' };

/** Most urgent first: the order of filters, of checks in a table and of datasets. */
export const OUTCOME_ORDER: Outcome[] = ['error', 'fail', 'warn', 'skipped', 'pass'];

export const RUN_OUTCOME: Record<RunOutcome, Outcome> = { error: 'error', failed: 'fail', passed: 'pass' };

/** The badge: icon (hidden from screen readers, the word says it) and word. */
export function badge(outcome: Outcome): string {
  const o = knownOutcome(outcome);
  return `<span class="badge o-${o}"><span aria-hidden="true">${OUTCOME_ICON[o]}</span> ${OUTCOME_LABEL[o]}</span>`;
}

/** A saved result can be edited by hand: anything that is not an outcome is shown as an error. */
export function knownOutcome(outcome: unknown): Outcome {
  return typeof outcome === 'string' && Object.hasOwn(OUTCOME_LABEL, outcome) ? (outcome as Outcome) : 'error';
}

/** A dataset's worst outcome: `error` when it could not be read at all. */
export function datasetOutcome(d: DatasetResult): Outcome {
  if (d.issues.length > 0) return 'error';
  for (const o of OUTCOME_ORDER) if (d.checks.some((c) => c.outcome === o)) return o;
  return 'skipped';
}

/** Dataset indices, most urgent first (stable): the order of the overview and of the sections. */
export function byUrgency(datasets: DatasetResult[]): number[] {
  const rank = datasets.map((d) => OUTCOME_ORDER.indexOf(datasetOutcome(d)));
  return datasets.map((_, i) => i).sort((a, b) => rank[a] - rank[b] || a - b);
}
