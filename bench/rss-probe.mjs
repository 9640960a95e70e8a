// Preloaded into the datacheck child (node --import): on exit, records the process's peak RSS
// (getrusage ru_maxrss, KiB) and CPU time to the file named by DATACHECK_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const out = process.env.DATACHECK_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    try {
      const u = process.resourceUsage();
      writeFileSync(out, JSON.stringify({ maxRssKiB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
    } catch {
      // The parent falls back to polling /proc; a probe must never change the child's exit.
    }
  });
}
