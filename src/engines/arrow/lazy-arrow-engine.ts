import type { MetricEngine } from '../engine.js';

/**
 * The Arrow engine, loaded on its first use: a run whose every dataset is computed in SQL never
 * loads apache-arrow and the engine's aggregators (~0.2-0.3 s of a CLI start, measured with the
 * bench's SQL inputs).
 */
export const lazyArrowEngine: MetricEngine = {
  name: 'arrow',
  async compute(source, metrics, ctx) {
    const { arrowEngine } = await import('./arrow-engine.js');
    return arrowEngine.compute(source, metrics, ctx);
  },
};
