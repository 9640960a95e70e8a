import type { StringFormat } from '../model/contract.js';

/**
 * The regular expression behind each named format. Regexes (not parsers) so the same check can be
 * pushed down to SQL engines unchanged; `date` and `date-time` check the shape and field ranges,
 * not calendar validity (2023-02-30 passes), which the column's own type check covers when typed.
 */
export const FORMAT_PATTERNS: Record<StringFormat, string> = {
  email: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
  uuid: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  url: '^[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s/?#]+[^\\s]*$',
  date: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
  'date-time':
    '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])[Tt ]([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?([Zz]|[+-]([01]\\d|2[0-3]):?[0-5]\\d)?$',
  ipv4: '^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$',
};
