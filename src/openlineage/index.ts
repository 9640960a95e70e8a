/**
 * datacheck/openlineage: a small typed OpenLineage client, usable without the rest of datacheck.
 * Types are generated from the official JSON Schemas; transports are http, file and console.
 */
export type * from './generated/openlineage.js';
export { OPENLINEAGE_SCHEMA_IDS } from './generated/openlineage.js';
export { facet, runEvent, RUN_EVENT_SCHEMA_URL } from './events.js';
export type { FacetBody, FacetName, FacetTypes, RunEventInput, RunEventType } from './events.js';
export { duckdbDataset, fileDataset, postgresDataset } from './naming.js';
export type { DatasetId } from './naming.js';
export { resolveConfig } from './config.js';
export type { OpenLineageConfig, ResolveConfigOptions, ResolvedConfig, TransportConfig } from './config.js';
export { createTransport, OpenLineageClient } from './client.js';
export type { ClientOptions } from './client.js';
export { httpTransport, DEFAULT_ENDPOINT } from './transports/http.js';
export type { HttpTransportOptions } from './transports/http.js';
export { fileTransport } from './transports/file.js';
export { consoleTransport, noopTransport } from './transports/console.js';
export type { EmitResult, Transport } from './transports/transport.js';
export { redact } from './redact.js';
