import { Type } from 'apache-arrow';
import type { DataType, Schema } from 'apache-arrow';
import type { LogicalType, TimeUnit } from '../../model/contract.js';
import type { PhysicalColumn } from '../../model/metric.js';

const UNITS: TimeUnit[] = ['s', 'ms', 'us', 'ns'];

/** The physical schema of a batch: names, Arrow type text, the closest logical type. */
export function physicalColumns(schema: Schema): PhysicalColumn[] {
  return schema.fields.map((f) => {
    const col: PhysicalColumn = { name: f.name, arrowType: String(f.type), nullable: f.nullable };
    const logical = logicalType(f.type);
    if (logical) col.logical = logical;
    return col;
  });
}

export function logicalType(type: DataType): LogicalType | undefined {
  const t = type as any;
  switch (type.typeId) {
    case Type.Bool:
      return { type: 'bool' };
    case Type.Int:
      return { type: 'int', bits: t.bitWidth, signed: t.isSigned };
    case Type.Float:
      return { type: 'float', bits: t.precision === 2 ? 64 : 32 };
    case Type.Decimal:
      return { type: 'decimal', precision: t.precision, scale: t.scale };
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View:
      return { type: 'string' };
    case Type.Dictionary:
      return logicalType(t.dictionary);
    case Type.Date:
      return { type: 'date' };
    case Type.Timestamp: {
      const ts: LogicalType = { type: 'timestamp', unit: UNITS[t.unit] };
      if (t.timezone) ts.tz = t.timezone;
      return ts;
    }
    case Type.Binary:
    case Type.LargeBinary:
    case Type.BinaryView:
    case Type.FixedSizeBinary:
      return { type: 'binary' };
    case Type.List:
    case Type.LargeList:
    case Type.FixedSizeList: {
      const of = logicalType(t.children[0].type);
      return of ? { type: 'list', of } : undefined;
    }
    case Type.Struct: {
      const fields: Record<string, LogicalType> = {};
      for (const c of t.children) {
        const l = logicalType(c.type);
        if (!l) return undefined;
        fields[c.name] = l;
      }
      return { type: 'struct', fields };
    }
    default:
      return undefined;
  }
}
