/**
 * Files of the repository the `promgate ci` tests start from. Every alert
 * lacks a `severity` label and nothing else, so each one has exactly one
 * finding, `alerts/labels`, on its `alert:` line, and a test can tell by the
 * line which rule a finding is about.
 */

/** Writes an alert with every annotation promgate requires, and no labels. */
export function alertRule(name: string, duration = '10m'): string {
  return [
    `      - alert: ${name}`,
    `        expr: up{job="${name.toLowerCase()}"} == 0`,
    `        for: ${duration}`,
    '        annotations:',
    `          summary: ${name} fired.`,
    `          description: The target of ${name} is down.`,
    `          runbook_url: https://runbooks.example.com/${name.toLowerCase()}`,
  ].join('\n');
}

/** Writes a rule file with one group, in which alert `n` (0-based) starts on line 4 + 7n. */
export function ruleFile(group: string, alerts: readonly string[]): string {
  return ['groups:', `  - name: ${group}`, '    rules:', ...alerts, ''].join('\n');
}

/** Returns the line of the `alert:` key of alert `index` in a file from `ruleFile`, where its finding is reported. */
export function alertLine(index: number): number {
  return 4 + 7 * index;
}

/** The base policy: missing `severity` labels are errors, which fail the run. */
export const POLICY = 'checks:\n  alerts/labels:\n    severity: error\n';

/** A policy file that switches the only failing check off. */
export const LOOSE_POLICY = 'checks:\n  alerts/labels:\n    enabled: false\n';

export const API_RULES = ruleFile('api', [alertRule('ApiDown'), alertRule('ApiErrors'), alertRule('ApiSlow')]);

/** API_RULES with ApiErrors waiting longer: a change to that one rule. */
export const API_RULES_ERRORS_CHANGED = ruleFile('api', [alertRule('ApiDown'), alertRule('ApiErrors', '15m'), alertRule('ApiSlow')]);

export const DB_RULES = ruleFile('db', [alertRule('DbDown')]);

export const BASE_FILES: Record<string, string> = {
  '.github/promgate.yml': POLICY,
  'rules/api.yml': API_RULES,
  'rules/db.yml': DB_RULES,
};
