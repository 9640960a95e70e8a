import { DatacheckError } from '../model/issue.js';

/**
 * A strftime format (`'%Y-%m-%d'`, `'%d/%m/%Y %H:%M'`) as one anchored regular expression that
 * accepts exactly the texts strftime would write for a real calendar instant: zero-padded fields,
 * months 01-12, days that exist in their month, 29 February only in leap years (Gregorian: every
 * 4th year, not centuries, but every 400th). The calendar rule is spelled into the regex itself
 * (an alternation over the day ranges), so every engine runs the same exact test through its
 * regex support (translated by src/engines/sql/regex.ts) and no SQL date parser, each with its own
 * leniency, is involved.
 *
 * Departures from Python's strptime (Great Expectations' match_strftime_format), on purpose:
 * fields must be zero-padded as strftime writes them (strptime also reads '2023-2-3'); %S stops
 * at 59 (strptime reads 60 and 61); without a year in the format, 29 February is accepted (strptime
 * assumes 1900, which is no leap year). Month names are English and case-sensitive.
 */
export const STRFTIME_DIRECTIVES: Readonly<Record<string, string>> = {
  '%Y': 'year, 0001-9999',
  '%y': 'year in the century, 00-99 (00-68 are 2000-2068, 69-99 are 1969-1999)',
  '%m': 'month, 01-12',
  '%b': 'abbreviated English month name, Jan-Dec',
  '%B': 'full English month name, January-December',
  '%d': 'day of the month, 01-31, as the month and year allow',
  '%H': 'hour, 00-23',
  '%I': 'hour on a 12-hour clock, 01-12',
  '%p': 'AM or PM',
  '%M': 'minute, 00-59',
  '%S': 'second, 00-59',
  '%f': 'microseconds, exactly 6 digits',
  '%z': 'UTC offset, +HHMM or -HHMM',
  '%%': 'a literal %',
};

const D = '[0-9]';
const YEAR = `(?:000[1-9]|00[1-9]${D}|0[1-9]${D}{2}|[1-9]${D}{3})`;
/** Years divisible by 4, except centuries that 400 does not divide (0000 is no year). */
const LEAP_YEAR = `(?:${D}{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)`;
const YEAR2 = `${D}{2}`;
/** 00 is 2000 (a leap year); 69-99 are 1969-1999, where a multiple of 4 is a leap year too. */
const LEAP_YEAR2 = '(?:[02468][048]|[13579][26])';

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const THIRTY_ONE = [1, 3, 5, 7, 8, 10, 12];

/** Which months a day range allows, and whether the year must be a leap year. */
interface DayCase {
  days: string;
  months: number[];
  leap: boolean;
}
const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const DAY_CASES: DayCase[] = [
  { days: '(?:0[1-9]|1[0-9]|2[0-8])', months: ALL_MONTHS, leap: false },
  { days: '(?:29|30)', months: ALL_MONTHS.filter((m) => m !== 2), leap: false },
  { days: '31', months: THIRTY_ONE, leap: false },
  { days: '29', months: [2], leap: true },
];

type Token = { literal: string } | { directive: string };

/** The regex source (JavaScript syntax, anchored) for a strftime format; a bad format throws `expr.bad_literal`. */
export function strftimeRegex(format: string): string {
  const tokens = tokenize(format);
  const has = (d: string) => tokens.some((t) => 'directive' in t && t.directive === d);
  const anyMonth = has('%m') || has('%b') || has('%B');
  // A day with no month to hold it to is any day 01-31; with a month, one branch per day range.
  if (!has('%d') || !anyMonth) return `^${render(tokens, undefined)}$`;
  return `^(?:${DAY_CASES.map((c) => render(tokens, c)).join('|')})$`;
}

/** The format with `day` deciding the day's range and the months and years it allows (without a year token, 29 February stands). */
function render(tokens: Token[], day: DayCase | undefined): string {
  return tokens
    .map((t) => {
      if ('literal' in t) return escapeLiteral(t.literal);
      switch (t.directive) {
        case '%Y':
          return day?.leap ? LEAP_YEAR : YEAR;
        case '%y':
          return day?.leap ? LEAP_YEAR2 : YEAR2;
        case '%m':
          return alternatives((day?.months ?? ALL_MONTHS).map((m) => String(m).padStart(2, '0')));
        case '%b':
          return alternatives((day?.months ?? ALL_MONTHS).map((m) => MONTH_NAMES[m - 1].slice(0, 3)));
        case '%B':
          return alternatives((day?.months ?? ALL_MONTHS).map((m) => MONTH_NAMES[m - 1]));
        case '%d':
          return day ? day.days : '(?:0[1-9]|[12][0-9]|3[01])';
        case '%H':
          return '(?:[01][0-9]|2[0-3])';
        case '%I':
          return '(?:0[1-9]|1[0-2])';
        case '%p':
          return '(?:AM|PM)';
        case '%M':
        case '%S':
          return `[0-5]${D}`;
        case '%f':
          return `${D}{6}`;
        case '%z':
          return `[+-](?:[01][0-9]|2[0-3])[0-5]${D}`;
        default:
          throw new Error(`strftime directive without a pattern: ${t.directive}`);
      }
    })
    .join('');
}

const alternatives = (xs: string[]) => `(?:${xs.join('|')})`;
const escapeLiteral = (s: string) => s.replace(/[\\^$.|?*+()[\]{}/-]/g, (c) => `\\${c}`);

function tokenize(format: string): Token[] {
  const bad = (found: string, why: string) =>
    new DatacheckError({
      code: 'expr.bad_literal',
      message: `the date format ${JSON.stringify(format)} ${why}`,
      expected: `a strftime format of literal text and ${Object.keys(STRFTIME_DIRECTIVES).join(' ')}`,
      found,
    });
  if (typeof format !== 'string' || format === '') throw bad(JSON.stringify(format) ?? String(format), 'is empty');
  const tokens: Token[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== '%') {
      tokens.push({ literal: format[i] });
      continue;
    }
    const d = format.slice(i, i + 2);
    if (!(d in STRFTIME_DIRECTIVES)) throw bad(d, `has a directive datacheck does not know: ${d}`);
    i++;
    if (d === '%%') {
      tokens.push({ literal: '%' });
      continue;
    }
    const field = FIELD_OF[d];
    if (seen.has(field)) throw bad(d, `names the ${field} twice`);
    seen.add(field);
    tokens.push({ directive: d });
  }
  if (seen.has('12-hour clock') !== tokens.some((t) => 'directive' in t && t.directive === '%p')) {
    throw bad(format, 'needs %I and %p together (a 12-hour hour means nothing without AM/PM)');
  }
  if (seen.has('hour') && seen.has('12-hour clock')) throw bad(format, 'names the hour twice (%H and %I)');
  return tokens;
}

/** The calendar field each directive writes: a field written twice could disagree with itself. */
const FIELD_OF: Record<string, string> = {
  '%Y': 'year',
  '%y': 'year',
  '%m': 'month',
  '%b': 'month',
  '%B': 'month',
  '%d': 'day',
  '%H': 'hour',
  '%I': '12-hour clock',
  '%p': 'AM/PM',
  '%M': 'minute',
  '%S': 'second',
  '%f': 'fraction',
  '%z': 'offset',
};
