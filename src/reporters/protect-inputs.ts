import { statSync } from 'node:fs';
import path from 'node:path';

/**
 * The files a run reads (contracts, suites, the config, data files, DuckDB databases), by identity:
 * device and inode, not spelling. So `./data/t.csv`, `data/../data/t.csv`, a symlink to it, a hard
 * link and, on a case-insensitive disk, `DATA/T.CSV` are all the same file, and a report can never
 * be written over one of them (`-o json=data/t.csv` once replaced the dataset with the report).
 */
export class ReadFiles {
  private readonly byIdentity = new Map<string, string>();

  constructor(files: Iterable<string> = []) {
    for (const f of files) this.add(f);
  }

  /** A file that does not exist (yet) is skipped: nothing can be lost by writing it. */
  add(file: string): void {
    const id = identity(file);
    if (id && !this.byIdentity.has(id)) this.byIdentity.set(id, path.resolve(file));
  }

  /** The input that writing `file` would replace, or undefined. */
  inputAt(file: string): string | undefined {
    const id = identity(file);
    return id === undefined ? undefined : this.byIdentity.get(id);
  }

  get size(): number {
    return this.byIdentity.size;
  }
}

function identity(file: string): string | undefined {
  try {
    const st = statSync(file);
    return st.isFile() ? `${st.dev}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** The refusal, worded once for the CLI's up-front check and the reporters' last line of defence. */
export function overwriteMessage(reporter: string, target: string, input: string, cwd: string): string {
  const shown = (f: string) => {
    const rel = path.relative(cwd, f);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : f;
  };
  const same = path.resolve(cwd, target) === input ? '' : ` (the same file as ${shown(input)})`;
  return `the ${reporter} reporter would write its report to ${shown(path.resolve(cwd, target))}${same}, which this run reads: choose another output file; nothing was written`;
}
