import type { Expr } from '../model/expr.js';

/** Column names an expression reads, each once, in order of first appearance. */
export function exprColumns(e: Expr): string[] {
  const out = new Set<string>();
  const walk = (x: Expr): void => {
    switch (x.op) {
      case 'col':
        out.add(x.name);
        break;
      case 'lit':
      case 'interval':
        break;
      case 'cmp':
      case 'arith':
        walk(x.left);
        walk(x.right);
        break;
      case 'and':
      case 'or':
      case 'call':
        x.args.forEach(walk);
        break;
      case 'between':
        walk(x.arg);
        walk(x.low);
        walk(x.high);
        break;
      case 'not':
      case 'neg':
      case 'is_null':
      case 'in':
        walk(x.arg);
        break;
    }
  };
  walk(e);
  return [...out];
}
