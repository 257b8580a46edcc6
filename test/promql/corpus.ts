// Rule expressions from the shared corpus of real-world rule files.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';

/** The shared corpus lives next to the repository. */
export const CORPUS_DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

export interface CorpusExpression {
  file: string;
  expr: string;
}

export interface CorpusLoad {
  expressions: CorpusExpression[];
  /** Files whose YAML does not parse; promtool could not read them either. */
  unreadable: string[];
}

function groupsOf(doc: unknown): unknown[] {
  if (typeof doc !== 'object' || doc === null) {
    return [];
  }
  const record = doc as { groups?: unknown; spec?: { groups?: unknown } };
  const groups = record.groups ?? record.spec?.groups;
  return Array.isArray(groups) ? groups : [];
}

/** Loads every `expr` from rule files (`groups`) and PrometheusRule resources (`spec.groups`). */
export function loadCorpusExpressions(subdirs: readonly string[]): CorpusLoad {
  const expressions: CorpusExpression[] = [];
  const unreadable: string[] = [];
  for (const subdir of subdirs) {
    const dir = join(CORPUS_DIR, subdir);
    for (const name of readdirSync(dir).sort()) {
      const file = join(subdir, name);
      let docs: unknown[];
      try {
        docs = loadAll(readFileSync(join(dir, name), 'utf8'));
      } catch {
        unreadable.push(file);
        continue;
      }
      for (const doc of docs) {
        for (const group of groupsOf(doc)) {
          const rules = (group as { rules?: unknown }).rules;
          for (const rule of Array.isArray(rules) ? rules : []) {
            const expr = (rule as { expr?: unknown } | null)?.expr;
            if (typeof expr === 'string' || typeof expr === 'number') {
              expressions.push({ file, expr: String(expr) });
            }
          }
        }
      }
    }
  }
  return { expressions, unreadable };
}
