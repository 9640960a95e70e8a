import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { VERSION } from '../../src/version.js';
import { copyProject, fakeIo, fixtures } from './cli-harness.js';

const good = path.join(fixtures, 'good');
const NO_TYPECHECK = '--no-typecheck';

describe('main(): exit codes', () => {
  it('0 when every check passes, with the console report on stdout', async () => {
    const io = fakeIo(good, { outcome: 'pass' });
    expect(await main([NO_TYPECHECK], io)).toBe(EXIT.passed);
    expect(io.out()).toContain('PASS  orders');
    expect(io.out().trimEnd().split('\n').at(-1)).toBe('3 passed, 0 failed, 0 warned, 0 errors in 1.00 s');
    expect(io.inputs[0].contracts.map((c) => c.name)).toEqual(['orders']);
    expect(io.inputs[0].maxFailingRows).toBe(10);
  });

  it('1 when a check fails', async () => {
    expect(await main([NO_TYPECHECK], fakeIo(good, { outcome: 'fail' }))).toBe(EXIT.failed);
  });

  it('0 for warnings, 1 with --fail-on warn', async () => {
    expect(await main([NO_TYPECHECK], fakeIo(good, { outcome: 'warn' }))).toBe(EXIT.passed);
    expect(await main([NO_TYPECHECK, '--fail-on', 'warn'], fakeIo(good, { outcome: 'warn' }))).toBe(EXIT.failed);
  });

  it('2 when a check could not run', async () => {
    expect(await main([NO_TYPECHECK], fakeIo(good, { outcome: 'error' }))).toBe(EXIT.error);
  });

  it('2 when a file cannot be loaded, with the issue in the report', async () => {
    const io = fakeIo(path.join(fixtures, 'broken'));
    expect(await main([NO_TYPECHECK, 'syntax.check.ts', 'no-export.contract.ts', 'throws.contract.ts'], io)).toBe(EXIT.error);
    expect(io.out()).toContain('Run issues (3)');
    expect(io.out()).toContain('✖ syntax.check.ts:3:23 syntax error in syntax.check.ts: Unexpected token [load.syntax_error]');
    expect(io.out()).toContain('✖ throws.contract.ts:5:');
    expect(io.out()).toContain('[load.module_threw]');
    // No stack trace without --debug.
    expect(io.out() + io.err()).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it('--debug prints the stack trace and the phase timings on stderr', async () => {
    const io = fakeIo(path.join(fixtures, 'broken'));
    expect(await main([NO_TYPECHECK, '--debug', 'throws.contract.ts'], io)).toBe(EXIT.error);
    expect(io.err()).toMatch(/Error: the warehouse is not reachable \(3\)\n\s+at .*throws\.contract\.ts:5/);
    expect(io.err()).toMatch(/datacheck: 1 files; config \d+ ms, discover \d+ ms, load \d+ ms, run \d+ ms/);
  });

  it('2 on type errors, without running the suite that has them (its contract still runs)', async () => {
    const io = fakeIo(path.join(fixtures, 'typeerr'), { outcome: 'pass' });
    expect(await main([], io)).toBe(EXIT.error);
    expect(io.inputs[0].contracts.map((c) => c.name)).toEqual(['orders']);
    expect(io.inputs[0].suites).toEqual([]);
    expect(io.out()).toContain('✖ checks/orders.check.ts:6:12 TS2345');
    expect(io.out()).toContain('✖ checks/orders.check.ts:7:22 TS2339');
  });

  it('runs the same project when type-checking is off (--no-typecheck, or typecheck: false in the config)', async () => {
    const dir = copyProject('typeerr');
    expect(await main(['--no-typecheck'], fakeIo(dir))).toBe(EXIT.passed);
    writeFileSync(
      path.join(dir, 'datacheck.config.ts'),
      "import { defineConfig } from 'datacheck/config';\nexport default defineConfig({ typecheck: false });\n",
    );
    expect(await main([], fakeIo(dir))).toBe(EXIT.passed);
  });

  it('2 when nothing is found, saying what was searched', async () => {
    const io = fakeIo(path.join(good, 'data'));
    expect(await main([NO_TYPECHECK], io)).toBe(EXIT.error);
    expect(io.out()).toContain('no contract or suite files were found [discover.nothing_found]');
    expect(io.out()).toContain('found:    nothing matching contracts/**/*.contract.ts, checks/**/*.check.ts, models/**/*.contract.ts');
  });

  it('2 for two contracts with one name', async () => {
    const io = fakeIo(path.join(fixtures, 'dup'));
    expect(await main([NO_TYPECHECK, '.'], io)).toBe(EXIT.error);
    expect(io.out()).toContain("two contracts are named 'orders': a.contract.ts:3 and b.contract.ts:4 [contract.duplicate_name]");
  });
});

describe('main(): options', () => {
  it('2 for an unknown option, with a clear message and no stack', async () => {
    const io = fakeIo(good);
    expect(await main(['--frobnicate'], io)).toBe(EXIT.error);
    expect(io.err()).toContain("error: unknown option '--frobnicate'");
    expect(io.err()).toContain('datacheck --help');
    expect(io.inputs).toEqual([]);
  });

  it.each(['abc', '-1', '1.5', ''])('2 for --max-failing-rows %j', async (value) => {
    const io = fakeIo(good);
    expect(await main(['--max-failing-rows', value], io)).toBe(EXIT.error);
    expect(io.err()).toContain(`expected a non-negative integer (0, 1, 2, ...), found '${value}'`);
    expect(io.inputs).toEqual([]);
  });

  it('passes --max-failing-rows and repeated --filter to the runner', async () => {
    const io = fakeIo(good);
    await main([NO_TYPECHECK, '--max-failing-rows', '0', '--filter', 'orders', '--filter', 'status'], io);
    expect(io.inputs[0]).toMatchObject({ maxFailingRows: 0, filter: ['orders', 'status'] });
  });

  it('2 when --filter selects nothing (never a green run that checked nothing): the real runner says so', async () => {
    const { run: _stub, ...io } = fakeIo(good);
    // --no-history: the real runner in a fixture inside the repository, which must not collect a history.
    expect(await main([NO_TYPECHECK, '--no-history', '--filter', 'ordrs'], io)).toBe(EXIT.error);
    expect(io.out()).toContain('--filter ordrs matched no dataset and no check [filter.nothing_matched]');
    expect(io.out()).toContain('expected: a dataset name (orders) or part of a check id or title');
    expect(await main([NO_TYPECHECK, '--filter', 'nearly every'], fakeIo(good))).toBe(EXIT.passed);
  });

  it('2 for --fail-on with a value other than error or warn', async () => {
    const io = fakeIo(good);
    expect(await main(['--fail-on', 'sometimes'], io)).toBe(EXIT.error);
    expect(io.err()).toContain('Allowed choices are error, warn');
  });

  it('--version and --help answer and exit 0', async () => {
    const v = fakeIo(good);
    expect(await main(['--version'], v)).toBe(0);
    expect(v.out()).toBe(`${VERSION}\n`);
    const h = fakeIo(good);
    expect(await main(['--help'], h)).toBe(0);
    expect(h.out()).toContain('Usage: datacheck [options] [command] [paths...]');
    expect(h.out()).toContain('--max-failing-rows <n>');
    expect(h.inputs).toEqual([]);
  });

  it('writes the JSON report (default path, parent dirs created) beside the console report', async () => {
    const dir = copyProject('good');
    const io = fakeIo(dir);
    expect(await main([NO_TYPECHECK, '--reporter', 'console', '--reporter', 'json'], io)).toBe(0);
    const saved = JSON.parse(readFileSync(path.join(dir, 'reports/datacheck.json'), 'utf8'));
    expect(saved).toMatchObject({ schemaVersion: 1, outcome: 'passed' });
    expect(io.out()).toContain('3 passed');
    expect(io.err()).toContain(`report written to ${path.join('reports', 'datacheck.json')}`);
  });

  it("--output-file puts the JSON where asked, '-' on stdout", async () => {
    const dir = copyProject('good');
    await main([NO_TYPECHECK, '--reporter', 'json', '--output-file', 'out/r.json'], fakeIo(dir));
    expect(existsSync(path.join(dir, 'out/r.json'))).toBe(true);
    const io = fakeIo(dir);
    await main([NO_TYPECHECK, '--reporter', 'json', '--output-file', '-'], io);
    expect(JSON.parse(io.out()).datasets[0].name).toBe('orders');
  });

  it('2 for an unknown reporter, or an --output-file no reporter can take', async () => {
    const a = fakeIo(good);
    expect(await main(['--reporter', 'pdf'], a)).toBe(EXIT.error);
    expect(a.err()).toContain("unknown reporter 'pdf': expected one of console, json, junit, markdown");
    const b = fakeIo(good);
    expect(await main(['--output-file', 'x.json'], b)).toBe(EXIT.error);
    expect(b.err()).toContain('--output-file x.json needs a reporter that writes a file, e.g. --reporter json');
  });

  it('takes reporters, failOn and maxFailingRows from datacheck.config.ts; flags override it', async () => {
    const dir = copyProject('good');
    writeFileSync(
      path.join(dir, 'datacheck.config.ts'),
      "import { defineConfig } from 'datacheck/config';\nexport default defineConfig({\n  reporters: ['console', ['json', { outputFile: 'r/x.json' }]],\n  failOn: 'warn',\n  maxFailingRows: 4,\n});\n",
    );
    const io = fakeIo(dir, { outcome: 'warn' });
    expect(await main([NO_TYPECHECK], io)).toBe(EXIT.failed);
    expect(io.inputs[0].maxFailingRows).toBe(4);
    expect(existsSync(path.join(dir, 'r/x.json'))).toBe(true);
    expect(await main([NO_TYPECHECK, '--fail-on', 'error', '--max-failing-rows', '2'], fakeIo(dir, { outcome: 'warn' }))).toBe(EXIT.passed);
  });

  it('2 for a config with an unknown or invalid option, pointing at its line', async () => {
    const dir = copyProject('good');
    writeFileSync(
      path.join(dir, 'datacheck.config.ts'),
      "import { defineConfig } from 'datacheck/config';\nexport default defineConfig({\n  failOn: 'never',\n  reporter: ['json'],\n  maxFailingRows: -1,\n} as never);\n",
    );
    const io = fakeIo(dir);
    expect(await main([NO_TYPECHECK], io)).toBe(EXIT.error);
    expect(io.out()).toContain("datacheck.config.ts:3:3 config option 'failOn' is not valid [config.invalid]");
    expect(io.out()).toContain("datacheck.config.ts:4:3 unknown config option 'reporter' [config.unknown_key]");
    // The bad value is not passed on.
    expect(io.inputs[0].maxFailingRows).toBe(10);
  });

  it("passes the config's memory to the run as DuckDB's limit (default half the machine) and refuses one that is not a size", async () => {
    const dir = copyProject('good');
    const io = fakeIo(dir);
    await main([NO_TYPECHECK], io);
    expect(io.inputs[0].memoryLimitBytes).toBe(Math.floor(os.totalmem() / 2));
    writeFileSync(
      path.join(dir, 'datacheck.config.ts'),
      "import { defineConfig } from 'datacheck/config';\nexport default defineConfig({\n  memory: '2GB',\n});\n",
    );
    const two = fakeIo(dir);
    await main([NO_TYPECHECK], two);
    expect(two.inputs[0].memoryLimitBytes).toBe(2e9);
    writeFileSync(
      path.join(dir, 'datacheck.config.ts'),
      "import { defineConfig } from 'datacheck/config';\nexport default defineConfig({\n  memory: 'lots',\n});\n",
    );
    const bad = fakeIo(dir);
    expect(await main([NO_TYPECHECK], bad)).toBe(EXIT.error);
    expect(bad.out()).toContain("datacheck.config.ts:3:3 config option 'memory' is not valid [config.invalid]");
  });

  it('type-checks the config file with the contracts', async () => {
    const dir = copyProject('good');
    writeFileSync(
      path.join(dir, 'datacheck.config.ts'),
      "import { defineConfig } from 'datacheck/config';\nexport default defineConfig({\n  connections: { warehouse: { kind: 'mysql' } },\n});\n",
    );
    const io = fakeIo(dir);
    expect(await main([], io)).toBe(EXIT.error);
    expect(io.out()).toMatch(
      /✖ datacheck\.config\.ts:3:31 TS2322: Type '"mysql"' is not assignable to type '"postgres" \| "duckdb" \| "clickhouse"'/,
    );
    expect(io.inputs[0].contracts).toEqual([]);
  });

  it('2 for a config file that does not parse, pointing at the line', async () => {
    const dir = copyProject('good');
    writeFileSync(path.join(dir, 'datacheck.config.ts'), "export default {\n  failOn: 'warn',,\n};\n");
    const io = fakeIo(dir);
    expect(await main([NO_TYPECHECK], io)).toBe(EXIT.error);
    expect(io.out()).toMatch(/✖ datacheck\.config\.ts:2:\d+ syntax error in datacheck\.config\.ts: .* \[load\.syntax_error\]/);
  });

  it('2 when --config names a file that does not exist', async () => {
    const io = fakeIo(good);
    expect(await main([NO_TYPECHECK, '--config', 'nope.config.ts'], io)).toBe(EXIT.error);
    expect(io.out()).toContain('config file nope.config.ts does not exist [config.not_found]');
  });

  it('colours only for a terminal without NO_COLOR', async () => {
    const tty = fakeIo(good, { tty: true, env: { NO_COLOR: '' } });
    await main([NO_TYPECHECK], tty);
    expect(tty.out()).toContain('\u001b[');
    const noColor = fakeIo(good, { tty: true, env: { NO_COLOR: '1' } });
    await main([NO_TYPECHECK], noColor);
    expect(noColor.out()).not.toContain('\u001b[');
    const pipe = fakeIo(good, { tty: false, env: { NO_COLOR: '' } });
    await main([NO_TYPECHECK], pipe);
    expect(pipe.out()).not.toContain('\u001b[');
  });
});

describe('main(): datacheck report', () => {
  it('re-renders a saved JSON result and exits with its code', async () => {
    const dir = copyProject('good');
    await main([NO_TYPECHECK, '--reporter', 'json'], fakeIo(dir, { outcome: 'fail' }));
    const io = fakeIo(dir);
    expect(await main(['report', 'reports/datacheck.json', '--reporter', 'console'], io)).toBe(EXIT.failed);
    expect(io.out()).toContain('FAIL  orders');
    expect(io.out()).toContain('0 passed, 3 failed, 0 warned, 0 errors in 1.00 s');
    expect(io.inputs).toEqual([]);
    const json = fakeIo(dir);
    await main(['report', 'reports/datacheck.json', '--reporter', 'json', '--output-file', '-'], json);
    expect(JSON.parse(json.out())).toEqual(JSON.parse(readFileSync(path.join(dir, 'reports/datacheck.json'), 'utf8')));
  });

  it('2 for a missing or malformed result file', async () => {
    const dir = copyProject('good');
    const missing = fakeIo(dir);
    expect(await main(['report', 'nope.json'], missing)).toBe(EXIT.error);
    expect(missing.err()).toContain('error: cannot read nope.json: no such file');
    writeFileSync(path.join(dir, 'bad.json'), '{"schemaVersion": 7}');
    const bad = fakeIo(dir);
    expect(await main(['report', 'bad.json'], bad)).toBe(EXIT.error);
    expect(bad.err()).toContain('bad.json is not a datacheck JSON result');
    expect(bad.err()).toContain('found:    schemaVersion 7');
  });
});

describe('main(): column distributions are computed when a report charts them', () => {
  const profileOf = async (args: string[]) => {
    const io = fakeIo(good, { outcome: 'pass' });
    await main(
      [NO_TYPECHECK, ...args, '--output-file', path.join(mkdtempSync(path.join(os.tmpdir(), 'datacheck-profile-')), 'report')],
      io,
    );
    return io.inputs[0].profile;
  };

  it('basic for a console or JSON run (a CI gate does not pay for histograms), full with the html reporter', async () => {
    expect(await profileOf(['--reporter', 'console', '--reporter', 'json'])).toBe('basic');
    expect(await profileOf(['--reporter', 'console', '--reporter', 'html'])).toBe('full');
  });

  it('--profile decides either way', async () => {
    expect(await profileOf(['--reporter', 'json', '--profile', 'full'])).toBe('full');
    expect(await profileOf(['--reporter', 'html', '--profile', 'basic'])).toBe('basic');
  });
});
