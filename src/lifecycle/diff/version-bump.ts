import semver from 'semver';
import type { ContractChange } from './changes.js';

export type Bump = 'major' | 'minor' | 'patch' | 'none';

/** Whether the version change announces the changes, per semver. */
export interface VersionCheck {
  before?: string;
  after?: string;
  /** The smallest bump the changes call for. */
  required: Bump;
  /** The bump made (none when the versions are equal or one is missing or invalid). */
  made: Bump;
  ok: boolean;
  /** Why not, in one sentence. */
  problem?: string;
}

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/**
 * Breaking changes call for a major bump, non-breaking ones for a minor bump, informational ones
 * for a patch. Before 1.0.0 semver promises nothing stable, and the usual convention (npm's `^`
 * ranges, cargo) treats a minor bump of 0.y as the breaking one: so there a breaking change needs
 * at least a minor bump.
 */
export function checkVersionBump(before: string | undefined, after: string | undefined, changes: ContractChange[]): VersionCheck {
  const required: Bump = changes.some((c) => c.impact === 'breaking')
    ? 'major'
    : changes.some((c) => c.impact === 'non-breaking')
      ? 'minor'
      : changes.length > 0
        ? 'patch'
        : 'none';
  const base = { ...(before !== undefined && { before }), ...(after !== undefined && { after }), required };
  if (required === 'none') return { ...base, made: bumpOf(before, after), ok: true };
  if (after === undefined || semver.valid(after) === null) {
    return {
      ...base,
      made: 'none',
      ok: false,
      problem: `the new contract has ${after === undefined ? 'no version' : `version '${after}', which is not semver (x.y.z)`}`,
    };
  }
  if (before === undefined || semver.valid(before) === null) return { ...base, made: 'none', ok: true };
  if (semver.lt(after, before)) return { ...base, made: 'none', ok: false, problem: `the version went backwards, ${before} → ${after}` };
  const made = bumpOf(before, after);
  const needed: Bump = required === 'major' && semver.major(before) === 0 ? 'minor' : required;
  if (RANK[made] >= RANK[needed]) return { ...base, made, ok: true };
  const next = semver.inc(before, needed);
  return {
    ...base,
    made,
    ok: false,
    problem: `${required === 'major' ? 'breaking changes need' : `${required === 'minor' ? 'additions need' : 'changes need'}`} a ${needed} bump: ${before} → ${next ?? needed}, found ${after}`,
  };
}

function bumpOf(before: string | undefined, after: string | undefined): Bump {
  if (before === undefined || after === undefined || !semver.valid(before) || !semver.valid(after) || !semver.gt(after, before))
    return 'none';
  const diff = semver.diff(before, after);
  if (diff === 'major' || diff === 'premajor') return 'major';
  if (diff === 'minor' || diff === 'preminor') return 'minor';
  return 'patch';
}
