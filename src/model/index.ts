export * from './issue.js';
export * from './contract.js';
export * from './check.js';
export * from './metric.js';
export * from './result.js';
export * from './expr.js';
export * from './suite.js';
export * from './config.js';
