import type { LogicalType } from '../../model/contract.js';
import type { OdcsProperty } from './odcs-document.js';

/** The datacheck type an ODCS property declares: its logicalType, refined by its physicalType. */
export function typeOfProperty(p: OdcsProperty): LogicalType | { unsupported: string } {
  const physical = (p.physicalType ?? '').trim().toLowerCase();
  const decimal = /^(?:decimal|numeric|number)\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)$/.exec(physical);
  switch (p.logicalType) {
    case 'string':
      if (/^(binary|bytes|blob|bytea|varbinary)/.test(physical)) return { type: 'binary' };
      return { type: 'string' };
    case 'integer':
      if (/^(tinyint|int8|byte)$/.test(physical)) return { type: 'int', bits: 8, signed: true };
      if (/^(smallint|int16|short)$/.test(physical)) return { type: 'int', bits: 16, signed: true };
      if (/^(int|integer|int32|int4)$/.test(physical)) return { type: 'int', bits: 32, signed: true };
      return { type: 'int', bits: 64, signed: true };
    case 'number':
      if (decimal) return { type: 'decimal', precision: Number(decimal[1]), scale: Number(decimal[2] ?? 0) };
      if (/^(float|real|float32|float4)$/.test(physical)) return { type: 'float', bits: 32 };
      return { type: 'float', bits: 64 };
    case 'boolean':
      return { type: 'bool' };
    case 'date':
      return { type: 'date' };
    case 'timestamp':
      // An unqualified timestamp or timestamptz is an instant; _ntz / without time zone is wall-clock time.
      return /ntz|without time zone/.test(physical) ? { type: 'timestamp', unit: 'us' } : { type: 'timestamp', unit: 'us', tz: 'UTC' };
    case 'array': {
      const of = p.items ? typeOfProperty(p.items) : { type: 'string' as const };
      return 'unsupported' in of ? of : { type: 'list', of };
    }
    case 'object': {
      if (!p.properties || p.properties.length === 0) return { unsupported: 'an object property without properties' };
      const fields: Record<string, LogicalType> = {};
      for (const child of p.properties) {
        const t = typeOfProperty(child);
        if ('unsupported' in t) return t;
        fields[child.name] = t;
      }
      return { type: 'struct', fields };
    }
    case 'time':
      return { unsupported: "logicalType 'time' (datacheck has no time-of-day type)" };
    case undefined:
      return { type: 'string' };
    default:
      return { unsupported: `the type '${p.logicalType.replace(/^unsupported:/, '')}' (datacheck has no equivalent)` };
  }
}

/** The ODCS logicalType and physicalType of a datacheck type (physicalType where the logical one is not exact). */
export function propertyTypeOf(t: LogicalType): Pick<OdcsProperty, 'logicalType' | 'physicalType' | 'items' | 'properties'> {
  switch (t.type) {
    case 'bool':
      return { logicalType: 'boolean' };
    case 'int':
      // int64 is what a bare `integer` reads as: no physicalType needed.
      return t.bits === 64
        ? { logicalType: 'integer' }
        : { logicalType: 'integer', physicalType: { 8: 'tinyint', 16: 'smallint', 32: 'integer' }[t.bits] };
    case 'float':
      return t.bits === 32 ? { logicalType: 'number', physicalType: 'float' } : { logicalType: 'number' };
    case 'decimal':
      return { logicalType: 'number', physicalType: `decimal(${t.precision},${t.scale})` };
    case 'string':
      return { logicalType: 'string' };
    case 'binary':
      return { logicalType: 'string', physicalType: 'binary' };
    case 'date':
      return { logicalType: 'date' };
    case 'timestamp':
      return t.tz ? { logicalType: 'timestamp' } : { logicalType: 'timestamp', physicalType: 'timestamp_ntz' };
    case 'list':
      return { logicalType: 'array', items: propertyTypeOf(t.of) as OdcsProperty };
    case 'struct':
      return {
        logicalType: 'object',
        properties: Object.entries(t.fields).map(([name, f]) => ({ name, ...propertyTypeOf(f) })),
      };
  }
}
