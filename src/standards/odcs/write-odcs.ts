import { stringify } from 'yaml';
import type { OdcsDocument } from './odcs-document.js';

/** An ODCS document as YAML: block style, keys in the order the standard's examples use, no line folding. */
export function odcsYaml(doc: OdcsDocument): string {
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
