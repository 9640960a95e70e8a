// Best-of-N timing after warm-up runs: the figure least disturbed by other work on a shared machine.

/** Runs `fn` `warmup` times untimed, then `runs` times; returns all results and the fastest. */
export async function bestOf(fn, { runs = 3, warmup = 1 } = {}) {
  const { only } = await bestOfInterleaved({ only: fn }, { runs, warmup });
  return only;
}

/**
 * Like bestOf for several contenders, alternating them run by run (a, b, a, b, ...) so that a burst
 * of load from elsewhere on the machine hits both rather than only one side of the ratio.
 * Each contender returns an object with `ms`. Returns { name: { best, all } }.
 */
export async function bestOfInterleaved(contenders, { runs = 3, warmup = 1 } = {}) {
  const names = Object.keys(contenders);
  for (let i = 0; i < warmup; i++) for (const n of names) await contenders[n]();
  const all = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) for (const n of names) all[n].push(await contenders[n]());
  return Object.fromEntries(names.map((n) => [n, { best: all[n].reduce((a, b) => (b.ms < a.ms ? b : a)), all: all[n] }]));
}
