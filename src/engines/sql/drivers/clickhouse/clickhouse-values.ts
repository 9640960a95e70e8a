import type { LogicalType } from '../../../../model/contract.js';
import type { PhysicalColumn } from '../../../../model/metric.js';

/** `Nullable(LowCardinality(String))` -> `String`: wrappers that change nothing a check reads. */
function baseType(type: string): { base: string; nullable: boolean } {
  let t = type;
  let nullable = false;
  for (;;) {
    const m = /^(Nullable|LowCardinality)\((.*)\)$/.exec(t);
    if (!m) return { base: t, nullable };
    if (m[1] === 'Nullable') nullable = true;
    t = m[2];
  }
}

/** ClickHouse types as Arrow's type names, so a schema check reads them like a Parquet column. */
export function physicalColumn(name: string, type: string): PhysicalColumn {
  const { base, nullable } = baseType(type);
  const int = /^(U?)Int(8|16|32|64)$/.exec(base);
  const logical: LogicalType | undefined = int
    ? { type: 'int', bits: Number(int[2]) as 8 | 16 | 32 | 64, signed: int[1] === '' }
    : base === 'Float32' || base === 'Float64'
      ? { type: 'float', bits: base === 'Float32' ? 32 : 64 }
      : /^Decimal/.test(base)
        ? decimalType(base)
        : base === 'String' || /^FixedString\(/.test(base) || /^Enum(8|16)\(/.test(base) || base === 'UUID'
          ? { type: 'string' }
          : base === 'Date'
            ? { type: 'date' }
            : /^DateTime/.test(base)
              ? { type: 'timestamp', unit: 's', tz: 'UTC' }
              : undefined;
  const arrowType = int
    ? `${int[1] === 'U' ? 'Uint' : 'Int'}${int[2]}`
    : logical?.type === 'float'
      ? `Float${logical.bits}`
      : logical?.type === 'decimal'
        ? `Decimal[${logical.precision}e${logical.scale > 0 ? '-' : '+'}${logical.scale}]`
        : logical?.type === 'string'
          ? 'Utf8'
          : logical?.type === 'date'
            ? 'Date32<DAY>'
            : logical?.type === 'timestamp'
              ? 'Timestamp<SECOND, UTC>'
              : base;
  return { name, arrowType, ...(logical && { logical }), nullable };
}

function decimalType(base: string): LogicalType | undefined {
  const m = /^Decimal(?:32|64|128)?\((\d+)(?:,\s*(\d+))?\)$/.exec(base);
  return m ? { type: 'decimal', precision: Number(m[1]), scale: Number(m[2] ?? 0) } : undefined;
}

/** How a JSON value of a ClickHouse type becomes the value every engine returns (SqlConnection.query). */
export function valueReader(type: string, zone: string): (v: unknown) => unknown {
  const { base } = baseType(type);
  if (/^(U?Int|Float|Decimal)/.test(base)) return (v) => (v === null ? null : typeof v === 'number' ? v : toNumber(String(v)));
  if (base === 'Date') return (v) => (v === null ? null : Date.parse(`${v}T00:00:00Z`));
  if (/^DateTime/.test(base)) {
    const tz = /^DateTime\('([^']+)'\)$/.exec(base)?.[1] ?? zone;
    return (v) => (v === null ? null : zonedToEpochMs(String(v), tz));
  }
  if (base === 'Nothing') return () => null;
  return (v) => (v === null || typeof v === 'string' ? v : JSON.stringify(v));
}

function toNumber(s: string): number {
  if (s === 'nan' || s === '-nan') return Number.NaN;
  if (s === 'inf' || s === '+inf') return Number.POSITIVE_INFINITY;
  if (s === '-inf') return Number.NEGATIVE_INFINITY;
  return Number(s);
}

/** `2024-01-02 03:04:05` as printed in zone `tz` -> epoch ms (the zone's offset found by Intl, twice for DST edges). */
export function zonedToEpochMs(text: string, tz: string): number {
  const asUtc = Date.parse(`${text.replace(' ', 'T')}Z`);
  if (tz === 'UTC' || tz === 'Etc/UTC' || Number.isNaN(asUtc)) return asUtc;
  let guess = asUtc;
  for (let i = 0; i < 2; i++) guess = asUtc - offsetMs(guess, tz);
  return guess;
}

function offsetMs(at: number, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(at / 1000) * 1000;
}
