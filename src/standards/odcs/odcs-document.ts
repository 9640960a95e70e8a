/**
 * The parts of an Open Data Contract Standard (v3.0 / v3.1) document datacheck reads, after the
 * document passed the official JSON Schema. Everything else is kept as it is (`[key: string]: unknown`).
 */
export interface OdcsDocument {
  apiVersion: string;
  kind: 'DataContract';
  id: string;
  version: string;
  status: string;
  name?: string;
  description?: { purpose?: string; usage?: string; limitations?: string; [key: string]: unknown };
  tags?: string[];
  team?: unknown;
  servers?: OdcsServer[];
  schema?: OdcsObject[];
  slaProperties?: { property: string; value: unknown; unit?: string; element?: string; [key: string]: unknown }[];
  [key: string]: unknown;
}

export interface OdcsServer {
  server: string;
  type: string;
  path?: string;
  format?: string;
  delimiter?: string;
  database?: string;
  schema?: string;
  host?: string;
  port?: number;
  [key: string]: unknown;
}

export interface OdcsObject {
  name: string;
  physicalName?: string;
  physicalType?: string;
  description?: string;
  tags?: string[];
  properties?: OdcsProperty[];
  quality?: OdcsQuality[];
  [key: string]: unknown;
}

export interface OdcsProperty {
  name: string;
  logicalType?: string;
  physicalType?: string;
  physicalName?: string;
  description?: string;
  required?: boolean;
  unique?: boolean;
  primaryKey?: boolean;
  primaryKeyPosition?: number;
  classification?: string;
  logicalTypeOptions?: Record<string, unknown>;
  properties?: OdcsProperty[];
  /** The element type of an array (its `name` may be absent). */
  items?: OdcsProperty;
  tags?: string[];
  quality?: OdcsQuality[];
  relationships?: { type?: string; to?: string | string[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

export const OPERATORS = [
  'mustBe',
  'mustNotBe',
  'mustBeGreaterThan',
  'mustBeGreaterOrEqualTo',
  'mustBeLessThan',
  'mustBeLessOrEqualTo',
  'mustBeBetween',
  'mustNotBeBetween',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface OdcsQuality {
  id?: string;
  name?: string;
  type?: 'text' | 'library' | 'sql' | 'custom';
  metric?: string;
  rule?: string;
  arguments?: Record<string, unknown>;
  query?: string;
  unit?: string;
  severity?: string;
  description?: string;
  dimension?: string;
  tags?: string[];
  mustBe?: unknown;
  mustNotBe?: unknown;
  mustBeGreaterThan?: number;
  mustBeGreaterOrEqualTo?: number;
  mustBeLessThan?: number;
  mustBeLessOrEqualTo?: number;
  mustBeBetween?: [number, number];
  mustNotBeBetween?: [number, number];
  [key: string]: unknown;
}

/** Custom properties that carry what ODCS has no field for (datacheck's own promises), so an import gives them back. */
export const CUSTOM = { extraColumns: 'datacheckExtraColumns', patternFlags: 'datacheckPatternFlags' } as const;
