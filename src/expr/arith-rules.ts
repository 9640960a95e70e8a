import type { ArithOp } from '../model/expr.js';

/** What an arithmetic operand holds; dates and timestamps are epoch milliseconds. */
export type OperandKind = 'number' | 'date' | 'timestamp' | 'interval';

export type ArithRule = { kind: OperandKind; scaleLeft: number; scaleRight: number } | { expected: string; blame: 'left' | 'right' };

const DAY_MS = 86_400_000;

/**
 * The typing rules of arithmetic, shared by the Arrow evaluator and the SQL compiler so both
 * engines mean the same: `temporal ± interval` shifts by the interval, `temporal ± n` by n days
 * (`current_date - 7` is a week ago), `temporal - temporal` is a number of ms; a date plus an
 * interval becomes a timestamp. Returns the operand scales, or what was expected instead.
 */
export function arithRule(op: ArithOp, lk: OperandKind, rk: OperandKind): ArithRule {
  const lt = lk === 'date' || lk === 'timestamp';
  const rt = rk === 'date' || rk === 'timestamp';
  if (lt || rt) {
    if (lt && rt)
      return op === '-'
        ? { kind: 'number', scaleLeft: 1, scaleRight: 1 }
        : { expected: `'-' between two instants (found '${op}')`, blame: 'right' };
    if (op !== '+' && op !== '-') return { expected: `'+' or '-' with a date or timestamp (found '${op}')`, blame: lt ? 'right' : 'left' };
    if (!lt && op === '-') return { expected: 'an instant on the left of -', blame: 'left' };
    const [instant, other] = lt ? [lk, rk] : [rk, lk];
    // Adding whole days to a date keeps it a date; adding hours makes it a timestamp.
    const kind = instant === 'date' && other === 'interval' ? 'timestamp' : instant;
    const days = other === 'number' ? DAY_MS : 1;
    return { kind, scaleLeft: lt ? 1 : days, scaleRight: lt ? days : 1 };
  }
  if (lk === 'interval' || rk === 'interval')
    return { kind: lk === 'interval' && rk === 'interval' ? 'interval' : 'number', scaleLeft: 1, scaleRight: 1 };
  return { kind: 'number', scaleLeft: 1, scaleRight: 1 };
}
