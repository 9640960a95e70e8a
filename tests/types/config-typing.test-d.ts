import { describe, expectTypeOf, it } from 'vitest';
import { defineConfig } from '../../src/config.js';
import { defineConfig as defineConfigFromIndex } from '../../src/index.js';
import type { DIALECTS } from '../../src/engines/sql/dialects/index.js';
import type { DialectName } from '../../src/engines/sql/dialects/dialect-names.js';
import type { ReporterName } from '../../src/reporters/reporter-options.js';
import type { REPORTERS } from '../../src/reporters/registry.js';
import type { defaultOpeners } from '../../src/access/connections.js';
import type { ConnectionKind } from '../../src/model/config.js';

// datacheck.config.ts is checked by the compiler: reporter names and each reporter's options come
// from the reporter registry's types, connection kinds from the model. Each @ts-expect-error below
// fails the type-check (`npm test`) if the mistake it marks ever compiles again.
describe('defineConfig', () => {
  it('takes reporters by name or as [name, options], typed per reporter', () => {
    defineConfig({
      reporters: [
        'console',
        'html',
        ['junit', { outputFile: 'x.xml', fileAttributes: true }],
        ['markdown', { maxRows: 5 }],
        ['openlineage', { namespace: 'shop', job: 'nightly', transport: { type: 'console' }, required: true }],
      ],
    });
  });

  it('refuses a misspelt reporter name', () => {
    // @ts-expect-error 'junitt' is not a reporter
    defineConfig({ reporters: ['junitt'] });
    // @ts-expect-error nor as [name, options]
    defineConfig({ reporters: [['htm', { outputFile: 'x.html' }]] });
  });

  it("refuses a misspelt option and another reporter's option", () => {
    // @ts-expect-error fileAtributes is misspelt
    defineConfig({ reporters: [['junit', { outputFile: 'x.xml', fileAtributes: true }]] });
    // @ts-expect-error maxRows belongs to markdown, not junit
    defineConfig({ reporters: [['junit', { maxRows: 3 }]] });
    // @ts-expect-error the console reporter takes no options
    defineConfig({ reporters: [['console', { outputFile: 'x.txt' }]] });
    // @ts-expect-error an option of the wrong type
    defineConfig({ reporters: [['junit', { fileAttributes: 'yes' }]] });
  });

  it('refuses an unknown connection kind and an unknown config key', () => {
    // @ts-expect-error 'mysql' is not a connection kind
    defineConfig({ connections: { warehouse: { kind: 'mysql', urlEnv: 'URL' } } });
    // @ts-expect-error 'reporter' (singular) is not a config key
    defineConfig({ reporter: ['console'] });
  });

  it('is one function, whichever entry point imports it', () => {
    expectTypeOf(defineConfigFromIndex).toEqualTypeOf(defineConfig);
  });
});

describe('registries typed from one list', () => {
  it('the reporter registry has exactly the reporters whose options are typed', () => {
    expectTypeOf<keyof typeof REPORTERS>().toEqualTypeOf<ReporterName>();
  });

  it('the dialect registry has exactly the dialect names', () => {
    expectTypeOf<keyof typeof DIALECTS>().toEqualTypeOf<DialectName>();
  });

  it('every connection kind has an opener', () => {
    expectTypeOf<keyof ReturnType<typeof defaultOpeners>>().toEqualTypeOf<ConnectionKind>();
  });
});
