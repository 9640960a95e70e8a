/**
 * Failing-row values are samples of user data, shown so a person recognises the row. A value
 * longer than this many characters (UTF-16 code units, JS string length) keeps its first 200 and
 * says how long it was. Without a cap, three 50 MB values made the json reporter fail ("Invalid
 * string length", 2.2 GB RSS): every check that sampled the row held its own copy, and the JSON
 * text held them again. 200 is about two and a half terminal lines, longer than any key, code or
 * e-mail address that identifies a row.
 */
export const SAMPLE_VALUE_MAX_CHARS = 200;

/** Lists in a sampled value (Arrow list columns) keep this many items. */
export const SAMPLE_LIST_MAX_ITEMS = 50;

/**
 * `value`, with every string in it longer than the cap cut to `first 200 chars… (52,428,800 chars)`
 * and lists longer than SAMPLE_LIST_MAX_ITEMS cut with a `… (N items)` marker. Values within the
 * caps are returned as they are (same object), so capping twice changes nothing.
 * This file holds code in model/ because engines (which make samples) and reporters (which guard
 * against a saved result edited by hand) both need it, and neither may import the other.
 */
export function capSampleValue(value: unknown): unknown {
  if (typeof value === 'string') return capString(value);
  if (Array.isArray(value)) {
    const items = value.length > SAMPLE_LIST_MAX_ITEMS ? value.slice(0, SAMPLE_LIST_MAX_ITEMS) : value;
    const capped = items.map(capSampleValue);
    if (value.length > SAMPLE_LIST_MAX_ITEMS) capped.push(`… (${value.length.toLocaleString('en-US')} items)`);
    return capped.some((v, i) => v !== value[i]) || capped.length !== value.length ? capped : value;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const capped = entries.map(([k, v]) => [k, capSampleValue(v)] as const);
    return capped.some(([, v], i) => v !== entries[i][1]) ? Object.fromEntries(capped) : value;
  }
  return value;
}

function capString(s: string): string {
  if (s.length <= SAMPLE_VALUE_MAX_CHARS) return s;
  // A marker already there (the value was capped before): leave it.
  if (s.length < SAMPLE_VALUE_MAX_CHARS + 40 && /… \([\d,]+ chars\)$/.test(s)) return s;
  let end = SAMPLE_VALUE_MAX_CHARS;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // never split a surrogate pair
  return `${s.slice(0, end)}… (${s.length.toLocaleString('en-US')} chars)`;
}
