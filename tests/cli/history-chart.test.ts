import { describe, expect, it } from 'vitest';
import { sparkline } from '../../src/cli/history-chart.js';

describe('the terminal sparkline', () => {
  it('spreads the values over eight block heights between their min and max', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([100, 100, 50])).toBe('██▁');
  });
  it('draws a constant series flat, a missing value as a space, and nothing for no values', () => {
    expect(sparkline([3, 3, 3])).toBe('▁▁▁');
    expect(sparkline([1, null, 2])).toBe('▁ █');
    expect(sparkline([null])).toBe('');
  });
});
