import { pathToFileURL } from 'node:url';
import type { DatasetResult } from '../../model/result.js';
import { facet } from '../../openlineage/index.js';
import type { InputDataset, SchemaDatasetFacetFields } from '../../openlineage/index.js';
import { assertionsOf } from './assertions.js';
import { columnMetricsOf } from './column-metrics.js';

/**
 * A checked dataset as an input of the run. Its identity is DatasetResult.location (OpenLineage
 * naming); a dataset without one (its source could not be opened, or a source kind that does not
 * set it yet) is named `datacheck` / `<contract name>`, so its failed assertions still show up.
 * `withResults` adds the input facets about this run's read: metrics and assertions (COMPLETE/FAIL).
 */
export function inputDataset(d: DatasetResult, producer: string, withResults: boolean): InputDataset {
  const { namespace, name } = d.location ?? { namespace: 'datacheck', name: d.name };
  const fields = schemaFields(d);
  const facets = {
    ...(fields && { schema: facet('SchemaDatasetFacet', producer, { fields }) }),
    ...(d.location && { dataSource: facet('DatasourceDatasetFacet', producer, { name: namespace, uri: dataSourceUri(namespace, name) }) }),
    // Which data the result is about: the fingerprint of the bytes read (see DatasetFingerprint).
    ...(d.fingerprint && { version: facet('DatasetVersionDatasetFacet', producer, { datasetVersion: d.fingerprint.version }) }),
  };
  const metrics = withResults ? columnMetricsOf(d) : undefined;
  const assertions = withResults ? assertionsOf(d.checks) : [];
  const inputFacets = {
    ...(metrics && { dataQualityMetrics: facet('DataQualityMetricsInputDatasetFacet', producer, metrics) }),
    ...(assertions.length > 0 && { dataQualityAssertions: facet('DataQualityAssertionsDatasetFacet', producer, { assertions }) }),
  };
  return {
    namespace,
    name,
    ...(Object.keys(facets).length > 0 && { facets }),
    ...(Object.keys(inputFacets).length > 0 && { inputFacets }),
  };
}

/**
 * The schema as the data has it (the column order the schema check measured), typed by the contract;
 * the contract's columns alone when the data's columns are not known. Absent when neither is.
 */
function schemaFields(d: DatasetResult): SchemaDatasetFacetFields[] | undefined {
  const types = new Map(d.columns.map((c) => [c.name, c.type]));
  const dataColumns = schemaColumns(d);
  if (dataColumns)
    return dataColumns.map((name, i) => ({ name, ...(types.has(name) && { type: types.get(name) }), ordinal_position: i + 1 }));
  return d.columns.length > 0 ? d.columns.map((c) => ({ name: c.name, type: c.type })) : undefined;
}

/**
 * The data's columns in order, as the schema check measured them. Results saved before measures
 * existed have none: their schema is the contract's columns, like a run whose data could not be read.
 */
function schemaColumns(d: DatasetResult): string[] | undefined {
  for (const c of d.checks) if (c.measure?.type === 'schema') return c.measure.columns;
  return undefined;
}

/** Files: a file:// URL of the path; databases: the namespace, which is already a URI. */
function dataSourceUri(namespace: string, name: string): string {
  return namespace === 'file' ? pathToFileURL(name).href : namespace;
}
