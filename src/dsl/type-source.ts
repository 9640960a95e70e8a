import type { LogicalType } from '../model/contract.js';

// The DSL written back as TypeScript source: what `datacheck import dbt`, `import odcs|dcs` and
// `suggest` write into .contract.ts files. One place, so the three write the same code for a type.

/** A string as a single-quoted literal: JSON's escaping (control characters, backslashes), then the quotes swapped. */
export function stringSource(s: string): string {
  return `'${JSON.stringify(s).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** An object key: bare when it is an identifier, else quoted. */
export function keySource(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : stringSource(name);
}

/** The `col.*()` call that declares a column of this type, e.g. `col.timestamp('us', 'UTC')`. */
export function columnTypeSource(t: LogicalType): string {
  switch (t.type) {
    case 'int':
      return `col.${t.signed ? 'int' : 'uint'}${t.bits}()`;
    case 'float':
      return `col.float${t.bits}()`;
    case 'decimal':
      return `col.decimal(${t.precision}, ${t.scale})`;
    case 'timestamp':
      return `col.timestamp(${stringSource(t.unit)}${t.tz ? `, ${stringSource(t.tz)}` : ''})`;
    case 'list':
      return `col.list(${columnTypeSource(t.of)})`;
    case 'struct':
      return `col.struct({ ${Object.entries(t.fields)
        .map(([k, f]) => `${keySource(k)}: ${columnTypeSource(f)}`)
        .join(', ')} })`;
    default:
      return `col.${t.type}()`;
  }
}
