import type { ConfigDef } from '../model/config.js';
import { profileFor } from '../plan/profiles.js';
import type { ProfileLevel } from '../plan/profiles.js';

/** Failing rows kept per check when neither `--max-failing-rows` nor the config says. */
const DEFAULT_MAX_FAILING_ROWS = 10;

export interface PlanFlags {
  filter?: string[];
  maxFailingRows?: number;
  profile?: ProfileLevel;
}

/**
 * What the plan is built with, from the flags, the config and the reporters that will run. `datacheck`
 * and `datacheck plan` both take it from here, so `plan` prints what the run sends: a console run
 * plans no histograms, an html one does.
 */
export function planOptions(
  flags: PlanFlags,
  config: ConfigDef,
  reporters: readonly { name: string }[],
): { filter?: string[]; maxFailingRows: number; profile: ProfileLevel } {
  return {
    ...(flags.filter?.length && { filter: flags.filter }),
    maxFailingRows: flags.maxFailingRows ?? config.maxFailingRows ?? DEFAULT_MAX_FAILING_ROWS,
    profile: profileFor(reporters, flags.profile ?? config.profile),
  };
}
