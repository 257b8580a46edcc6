import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BEGIN_MARKER, END_MARKER, renderCheckDefaults } from './check-defaults-docs.js';

const DEFAULTS_URL = new URL('../../rules/default.yml', import.meta.url);
const DOCS_URL = new URL('../../docs/policy.md', import.meta.url);

const defaultsText = readFileSync(DEFAULTS_URL, 'utf8');
const defaults = parseDocument(defaultsText).toJS() as { checks: Record<string, Record<string, unknown>> } & Record<string, unknown>;

function readDocs(): string {
  return readFileSync(DOCS_URL, 'utf8');
}

/** Returns the text of the docs section that starts with `heading`, up to the next heading of the same level. */
function section(docs: string, heading: string): string {
  const start = docs.indexOf(`${heading}\n`);
  if (start === -1) return '';
  const level = /^#+/.exec(heading)![0];
  const next = docs.slice(start + heading.length).search(new RegExp(`\\n${level} `));
  return next === -1 ? docs.slice(start) : docs.slice(start, start + heading.length + next);
}

describe('docs/policy.md', () => {
  it('has the generated check defaults', () => {
    const docs = readDocs();
    const begin = docs.indexOf(BEGIN_MARKER);
    const end = docs.indexOf(END_MARKER);
    expect(begin, 'the BEGIN marker of the generated section').toBeGreaterThan(-1);
    expect(end, 'the END marker of the generated section').toBeGreaterThan(begin);

    const expected = `${BEGIN_MARKER}\n\n${renderCheckDefaults(defaultsText)}\n${END_MARKER}`;
    const actual = docs.slice(begin, end + END_MARKER.length);
    if (process.env.PROMGATE_UPDATE_DOCS === '1' && actual !== expected) {
      writeFileSync(DOCS_URL, docs.slice(0, begin) + expected + docs.slice(end + END_MARKER.length));
      return;
    }
    expect(actual, 'docs/policy.md is out of date with rules/default.yml; rerun this test with PROMGATE_UPDATE_DOCS=1').toBe(expected);
  });

  it('documents every top-level key', () => {
    const docs = readDocs();
    for (const key of [...Object.keys(defaults), 'extends']) {
      expect(section(docs, `### \`${key}\``), `a "### \`${key}\`" section`).not.toBe('');
    }
  });

  it('documents enabled and severity', () => {
    const checksSection = section(readDocs(), '### `checks`');
    expect(checksSection).toContain('`enabled`');
    expect(checksSection).toContain('`severity`');
  });

  it('documents every check and option', () => {
    const docs = readDocs();
    for (const [id, block] of Object.entries(defaults.checks)) {
      const checkSection = section(docs, `### \`${id}\``);
      expect(checkSection, `a "### \`${id}\`" section`).not.toBe('');
      for (const option of Object.keys(block).filter((key) => key !== 'enabled' && key !== 'severity')) {
        expect(checkSection, `option ${option} of ${id}`).toContain(`| \`${option}\` |`);
      }
    }
  });
});
