const BLOCKS = '▁▂▃▄▅▆▇█';

/**
 * A one-line terminal chart of a series: each value as one of eight block heights between the
 * series' min and max (all equal: the lowest block). Null values (a run without the metric) are a space.
 */
export function sparkline(values: readonly (number | null)[]): string {
  const numbers = values.filter((v): v is number => v !== null);
  if (numbers.length === 0) return '';
  const lo = Math.min(...numbers);
  const hi = Math.max(...numbers);
  return values
    .map((v) => {
      if (v === null) return ' ';
      const level = hi === lo ? 0 : Math.round(((v - lo) / (hi - lo)) * (BLOCKS.length - 1));
      return BLOCKS[level];
    })
    .join('');
}
