import type { MetricSpec } from '../../../model/metric.js';
import type { Aggregator } from '../aggregator.js';
import { approxDistinctCount } from './approx-distinct-count.js';
import { approxQuantiles } from './approx-quantiles.js';
import { distinctCount } from './distinct-count.js';
import { duplicateCount } from './duplicate-count.js';
import { entropy } from './entropy.js';
import { histogram } from './histogram.js';
import { keySet } from './key-set.js';
import { lengthStats } from './length-stats.js';
import { minMax } from './min-max.js';
import { moments } from './moments.js';
import { nullCount } from './null-count.js';
import { parseFailures } from './parse-failures.js';
import { piiFindings } from './pii-findings.js';
import { predicateFailures } from './predicate-failures.js';
import { orderViolations } from './order-violations.js';
import { quantiles } from './quantiles.js';
import { rowCount } from './row-count.js';
import { schema } from './schema.js';
import { topValues } from './top-values.js';
import { valueCount } from './value-count.js';

/**
 * The aggregator for a metric spec, or undefined when the Arrow engine does not implement it.
 * `sampleColumns`: the columns failing-row samples may show (the contract's); default all.
 */
export function aggregatorFor(spec: MetricSpec, sampleColumns?: readonly string[]): Aggregator<any> | undefined {
  switch (spec.kind) {
    case 'row_count':
      return rowCount();
    case 'null_count':
      return nullCount(spec.column);
    case 'min':
    case 'max':
      return minMax(spec.column, spec.kind);
    case 'moments':
      return moments(spec.column);
    case 'quantiles':
      return quantiles(spec.column, spec.probs);
    case 'distinct_count':
      return distinctCount(spec.columns);
    case 'duplicate_count':
      return duplicateCount(spec.columns, spec.sampleSize);
    case 'value_count':
      return valueCount(spec.column, spec.value);
    case 'predicate_failures':
      return predicateFailures(spec, sampleColumns);
    case 'pii_findings':
      return piiFindings(spec);
    case 'order_violations':
      return orderViolations(spec, sampleColumns);
    case 'parse_failures':
      return parseFailures(spec.column, spec.sampleSize);
    case 'histogram':
      return histogram(spec.column, spec.bins);
    case 'top_values':
      return topValues(spec.column, spec.k, spec.maxDistinct);
    case 'length_stats':
      return lengthStats(spec.column);
    case 'entropy':
      return entropy(spec.column, spec.maxDistinct);
    case 'approx_distinct_count':
      return approxDistinctCount(spec.column);
    case 'approx_quantiles':
      return approxQuantiles(spec.column, spec.probs);
    case 'schema':
      return schema();
    case 'key_set':
      return keySet(spec.columns, spec.maxKeys);
    case 'orphan_count':
    case 'dataset_metric':
    case 'file_modified':
    case 'sql_scalar':
    case 'reference_distribution':
      return undefined;
  }
}
