import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedPath } from './shared-dir.js';

/**
 * JUnit files checked by libxml2's xmllint against the schema Jenkins' xunit plugin enforces. The
 * schema lives outside the repository, in the shared folder's `oracles/junit/` (see
 * shared-dir.ts), or is named by DATACHECK_JUNIT_XSD. A missing xmllint or schema fails the test: never a silent skip.
 */
export function junitSchemaPath(): string {
  const fromEnv = process.env.DATACHECK_JUNIT_XSD;
  if (fromEnv) return fromEnv;
  const schema = sharedPath('oracles', 'junit', 'jenkins-xunit-junit-10.xsd');
  if (!existsSync(schema))
    throw new Error(`the Jenkins xunit JUnit schema was not found at ${schema} (set DATACHECK_JUNIT_XSD to its path)`);
  return schema;
}

function xmllint(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('xmllint', args, { encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint could not be run (${r.error.message}): install libxml2-utils`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempFile(xml: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'datacheck-junit-')), 'report.xml');
  writeFileSync(file, xml, 'utf8');
  return file;
}

/** xmllint's complaints about a JUnit file (or XML text), '' when it is valid against the schema. */
export function junitSchemaErrors(fileOrXml: { file: string } | string): string {
  const file = typeof fileOrXml === 'string' ? tempFile(fileOrXml) : fileOrXml.file;
  const r = xmllint(['--noout', '--schema', junitSchemaPath(), file]);
  return r.status === 0 ? '' : r.stderr || `xmllint exited with ${r.status}`;
}

/** xmllint's complaints about well-formedness alone, '' when the text is well-formed XML. */
export function wellFormednessErrors(xml: string): string {
  const r = xmllint(['--noout', tempFile(xml)]);
  return r.status === 0 ? '' : r.stderr || `xmllint exited with ${r.status}`;
}

/** An XPath 1.0 expression evaluated by xmllint over the XML, as text: `string(//testcase[1]/@name)`. */
export function xpath(xml: string, expression: string): string {
  const r = xmllint(['--xpath', expression, tempFile(xml)]);
  if (r.status !== 0) throw new Error(`xmllint --xpath ${expression} failed: ${r.stderr}`);
  // xmllint ends what it prints with one newline of its own.
  return r.stdout.endsWith('\n') ? r.stdout.slice(0, -1) : r.stdout;
}
