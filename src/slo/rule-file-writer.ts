// Writes Prometheus rule files as YAML text. The output is fixed so that the
// same rules always give the same bytes. Keys come in the order Prometheus
// documents them, labels and annotations are sorted by name, and a string is
// quoted only when YAML would read it as something else.

export interface RecordingRuleText {
  record: string;
  expr: string;
  labels: Readonly<Record<string, string>>;
}

export interface AlertingRuleText {
  alert: string;
  expr: string;
  for: string;
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
}

export type RuleText = RecordingRuleText | AlertingRuleText;

export interface RuleGroupText {
  name: string;
  rules: RuleText[];
}

/** Writes a rule file: `comments` as `#` lines first, then `groups`. */
export function writeRuleFile(comments: readonly string[], groups: readonly RuleGroupText[]): string {
  const lines = comments.map((comment) => `# ${comment}`);
  lines.push(groups.length === 0 ? 'groups: []' : 'groups:');
  for (const group of groups) {
    lines.push(`  - name: ${yamlString(group.name)}`);
    lines.push('    rules:');
    for (const rule of group.rules) writeRule(lines, rule);
  }
  return `${lines.join('\n')}\n`;
}

function writeRule(lines: string[], rule: RuleText): void {
  const indent = '        ';
  if ('record' in rule) {
    lines.push(`      - record: ${yamlString(rule.record)}`);
    writeValue(lines, indent, 'expr', rule.expr);
    writeMap(lines, indent, 'labels', rule.labels);
    return;
  }
  lines.push(`      - alert: ${yamlString(rule.alert)}`);
  writeValue(lines, indent, 'expr', rule.expr);
  lines.push(`${indent}for: ${yamlString(rule.for)}`);
  writeMap(lines, indent, 'labels', rule.labels);
  writeMap(lines, indent, 'annotations', rule.annotations);
}

function writeMap(lines: string[], indent: string, key: string, map: Readonly<Record<string, string>>): void {
  const names = Object.keys(map).sort(compareCodePoints);
  if (names.length === 0) return;
  lines.push(`${indent}${key}:`);
  for (const name of names) writeValue(lines, `${indent}  `, yamlString(name), map[name]!);
}

/** Writes `key: value`, with a multi-line value as a `|-` block when YAML keeps it byte for byte. */
function writeValue(lines: string[], indent: string, key: string, value: string): void {
  if (value.includes('\n') && isBlockSafe(value)) {
    lines.push(`${indent}${key}: |-`);
    for (const line of value.split('\n')) lines.push(line === '' ? '' : `${indent}  ${line}`);
    return;
  }
  lines.push(`${indent}${key}: ${yamlString(value)}`);
}

/** Sorts by UTF-16 code units, which unlike `localeCompare` gives the same order on every machine. */
export function compareCodePoints(left: string, right: string): number {
  if (left < right) return -1;
  if (left > right) return 1;
  return 0;
}

const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`~=]/;
const SPECIAL_WORDS = /^(?:true|false|yes|no|on|off|y|n|null)$/i;
// Numbers of YAML 1.2 and 1.1 (octal, binary, `_` separators, base 60), and 1.1 timestamps.
const NUMBER_LIKE = /^[-+]?(?:0x[0-9a-f_]+|0o?[0-7_]+|0b[01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?(?:e[-+]?[0-9]+)?|\.[0-9_]+(?:e[-+]?[0-9]+)?|\.inf|\.nan)$/i;
const TIMESTAMP_LIKE = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/;
// Control characters, and characters YAML 1.1 readers treat as line breaks or byte order marks.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/;

/**
 * Writes a string as a plain scalar when every YAML 1.1 and 1.2 reader
 * reads it back as the same string, and as a double-quoted scalar
 * otherwise. JSON string syntax is valid YAML double-quoted syntax.
 */
export function yamlString(value: string): string {
  const plain =
    value !== '' &&
    value.trim() === value &&
    !UNSAFE_CHARACTERS.test(value) &&
    !INDICATOR_START.test(value) &&
    !SPECIAL_WORDS.test(value) &&
    !NUMBER_LIKE.test(value) &&
    !TIMESTAMP_LIKE.test(value) &&
    !value.includes(': ') &&
    !value.includes(' #') &&
    !value.endsWith(':');
  return plain ? value : JSON.stringify(value);
}

/** Checks that a `|-` block scalar reads back as exactly `value`. */
function isBlockSafe(value: string): boolean {
  if (UNSAFE_CHARACTERS.test(value.replaceAll('\n', ''))) return false;
  const lines = value.split('\n');
  if (lines[0] === '' || lines[0]!.startsWith(' ') || lines[lines.length - 1] === '') return false;
  return lines.every((line) => line === line.trimEnd());
}
