/**
 * vitest's per-reporter output flag, `--output-file.junit=reports/x.xml` (or with the path as the
 * next argument), rewritten into the form the parser already knows, `--output-file junit=reports/x.xml`.
 * Commander cannot declare dotted options, so this runs on argv before parsing. Arguments after
 * `--` are left alone, and so is a dotted flag without a path, which the parser then reports.
 */
export function normalizeArgv(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const dotted = /^--output-file\.([a-z][\w-]*)(?:=(.*))?$/is.exec(arg);
    const inline = dotted?.[2];
    const next = argv[i + 1];
    if (dotted && inline !== undefined && inline !== '') {
      out.push('--output-file', `${dotted[1]}=${inline}`);
    } else if (dotted && inline === undefined && next !== undefined && next !== '' && (next === '-' || !next.startsWith('-'))) {
      out.push('--output-file', `${dotted[1]}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}
