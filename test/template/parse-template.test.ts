import { describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_NESTING, parseTemplate } from '../../src/template/parse-template.js';
import { parseAlertTemplate } from '../../src/template/prometheus-template.js';
import type { FieldOperand, VariableOperand } from '../../src/template/template-ast.js';

const VALID: string[] = [
  '',
  'plain text } {',
  '{{ $labels.instance }} is down',
  '{{ .Labels.job }} {{ $.Labels.job }} {{ $ }}',
  '{{ $value | humanize }}',
  '{{ printf "%.2f" $value }}',
  '{{ humanizePercentage $value }} of {{ $externalLabels.cluster }} at {{ $externalURL }}',
  '{{- $labels.job -}}',
  '{{-\t1\t-}}',
  '{{-1}}',
  'a {{- /* comment */ -}} b',
  '{{/* comment with }} inside */}}',
  '{{ if $labels.x }}a{{ else if $labels.y }}b{{ else }}c{{ end }}',
  '{{ range $i, $v := query "up" }}{{ $i }}{{ $v.Labels.job }}{{ end }}',
  '{{ range query "up" }}{{ .Labels.instance }} {{ .Value }}{{ end }}',
  '{{ range $x := 1 }}{{ break }}{{ end }}',
  '{{ range 1 }}{{ if 1 }}{{ continue }}{{ end }}{{ end }}',
  '{{ with $x := query "up" | first }}{{ $x | value }}{{ else }}none{{ end }}',
  '{{ $x := 1 }}{{ $x = 2 }}{{ $x }}',
  '{{ $x := $x }}',
  '{{ $y = 1 }}{{ $y }}',
  '{{ if $x := 1 }}{{ $x }}{{ else }}{{ $x }}{{ end }}',
  '{{ define "d" }}{{ . }}{{ end }}{{ template "d" . }}',
  '{{ define "d" }} {{ end }}{{ define "d" }}x{{ end }}',
  '{{ block "b" . }}{{ .Labels.job }}{{ end }}',
  '{{ block "b" $y := 1 }}{{ end }}{{ $y }}',
  '{{ template "undefined is fine at parse time" }}',
  '{{ (query "up" | first).Labels.job }}',
  '{{ (1).x }}',
  '{{ 1 | }}',
  '{{ printf | (1) }}',
  "{{ 'a' }}{{ '\\n' }}{{ '\\'' }}{{ '\\x41' }}{{ 'é' }}",
  '{{ "\\u00e9\\377\\x41\\n\\t\\"" }}{{ `raw\nstring` }}',
  '{{ 0x1F }}{{ 1e3 }}{{ 1.5i }}{{ 0b101 }}{{ 0o17 }}{{ 017 }}{{ 1_000 }}{{ 0_1 }}{{ 0x_1 }}{{ -1 }}{{ +1 }}{{ .5 }}{{ 5. }}',
  '{{ 0x1p3 }}{{ 0x1.8p1 }}{{ 1+2i }}{{ 1-2i }}{{ 18446744073709551615 }}{{ -9223372036854775808 }}{{ 1e308 }}{{ 1e-400 }}',
  '{{ true }}{{ false }}{{ nil | printf "%v" }}{{ printf nil }}',
  '{{ printf "%s"\n  $labels.job }}',
  '{{ now | humanizeTimestamp }}{{ toDuration 60 }}{{ urlQueryEscape "a b" }}',
  '{{ with 1 }}a{{ else with 2 }}b{{ end }}',
];

/** Templates Go rejects, with a fragment of its message and the text the error starts at (or its offset). */
const INVALID: [template: string, message: string, at: string | number][] = [
  ['{{ $labels', 'unclosed action', '{{'],
  ['text {{', 'unclosed action', '{{'],
  ['{{ end }}', 'unexpected {{end}}', '{{'],
  ['a {{ else }}', 'unexpected {{else}}', '{{'],
  ['{{ if 1 }}', 'unexpected EOF', 10],
  ['{{ range . }}{{ if 1 }}{{ end }}', 'unexpected EOF', 32],
  ['{{ if 1 }}{{ else }}{{ else }}{{ end }}', 'expected end; found {{else}}', '{{ else }}{{ end'],
  ['{{ $label.instance }}', 'undefined variable "$label"', '$label'],
  ['{{ if 1 }}{{ $y := 1 }}{{ end }}{{ $y }}', 'undefined variable "$y"', '$y }}'],
  ['{{ range $i, $v := 1 }}{{ end }}{{ $i }}', 'undefined variable "$i"', '$i }}'],
  ['{{ define "x" }}{{ $labels }}{{ end }}', 'undefined variable "$labels"', '$labels'],
  ['{{ block "b" . }}{{ $value }}{{ end }}', 'undefined variable "$value"', '$value'],
  ['{{ humanise $value }}', 'function "humanise" not defined', 'humanise'],
  ['{{ "abc }}', 'unterminated quoted string', '"'],
  ['{{ "a\nb" }}', 'unterminated quoted string', '"'],
  ['{{ `abc }}', 'unterminated raw quoted string', '`'],
  ["{{ 'ab }}", 'unterminated character constant', "'"],
  ["{{ 'ab' }}", "malformed character constant: 'ab'", "'"],
  ["{{ '' }}", 'invalid syntax', "'"],
  ['{{ "a\\q" }}', 'invalid syntax', '"'],
  ['{{ "\\ud800" }}', 'invalid syntax', '"'],
  ['{{ "\\400" }}', 'invalid syntax', '"'],
  ['{{ 1x }}', 'bad number syntax: "1x"', '1x'],
  ['{{ 3-}}', 'bad number syntax: "3-"', '3-'],
  ['{{ 1e }}', 'illegal number syntax: "1e"', '1e'],
  ['{{ 1__0 }}', 'illegal number syntax: "1__0"', '1__0'],
  ['{{ 0x1.8 }}', 'illegal number syntax: "0x1.8"', '0x1.8'],
  ['{{ 1e309 }}', 'illegal number syntax: "1e309"', '1e309'],
  ['{{ 08 }}', 'integer overflow: "08"', '08'],
  ['{{ 18446744073709551616 }}', 'integer overflow', '1844'],
  ['{{ 0x1+2i }}', 'strconv.ParseFloat: parsing "0x1": invalid syntax', '0x1'],
  ['{{ 1.2.3 }}', 'unexpected ".3" in operand', '.3'],
  ['{{ }}', 'missing value for command', '{{'],
  ['{{ if }}{{ end }}', 'missing value for if', '{{'],
  ['{{ ( ) }}', 'missing value for parenthesized pipeline', '('],
  ['{{ | x }}', 'unexpected "|" in command', '|'],
  ['{{ @ }}', 'unexpected "@" in command', '@'],
  ['{{ . | 1 }}', 'non executable command in pipeline stage 2', '1'],
  ['{{ printf "%d" (1 }}', 'unclosed left paren', '('],
  ['{{ printf 1) }}', 'unexpected ")" in command', ')'],
  ['{{ true.x }}', 'unexpected . after term "true"', 'true'],
  ['{{ $labels. }}', 'unexpected <.> in operand', '. }}'],
  ['{{ $labels.job-}}', "bad character U+002D '-'", '-}}'],
  ['{{ range $i, $v, $w := 1 }}{{ end }}', 'too many declarations in range', '$v'],
  ['{{ range $i, 1 }}{{ end }}', 'range can only initialize variables', '$i'],
  ['{{ with $a, $b := 1 }}{{ end }}', 'too many declarations in with', '$a'],
  ['{{ break }}', '{{break}} outside {{range}}', 'break'],
  ['{{ range 1 }}{{ else }}{{ continue }}{{ end }}', '{{continue}} outside {{range}}', 'continue'],
  ['{{ range 1 }}{{ block "q" . }}{{ break }}{{ end }}{{ end }}', '{{break}} outside {{range}}', 'break'],
  ['{{ break 1 }}', 'unexpected "1" in {{break}}', '1'],
  ['{{ with 1 }}{{ else if 2 }}{{ end }}', 'unexpected <if> in input', 'if'],
  ['{{ if 1 }}{{ define "x" }}{{ end }}{{ end }}', 'unexpected <define> in command', 'define'],
  ['{{ define x }}{{ end }}', 'unexpected "x" in define clause', 'x }}'],
  ['{{ define "x" }}{{ else }}{{ end }}', 'unexpected {{else}} in define clause', '{{ else'],
  ['{{ define "x" }}a{{ end }}{{ define "x" }}b{{ end }}', 'template: multiple definition of template "x"', 36],
  ['{{ define "__alert_A" }}x{{ end }}', 'multiple definition of template "__alert_A"', 0],
  ['{{ template x }}', 'unexpected "x" in template clause', 'x }}'],
  ['{{/* c */ }}', 'comment ends before closing delimiter', '{{'],
  ['{{/* c', 'unclosed comment', '{{'],
  ['{{ /* c */ }}', 'unexpected "/" in command', '/'],
  ['{{ $x : 1 }}', 'undefined variable "$x"', '$x'],
  ['{{ $x := 1 := 2 }}', 'unexpected ":=" in operand', ':= 2'],
  ['{{ printf\n"abc }}', 'unterminated quoted string in action started at __alert_A:1', '"'],
  ['{{ 1\n', 'unclosed action started at __alert_A:1', '{{'],
  ['{{ € }}', "unrecognized character in action: U+20AC '€'", '€'],
  ['{{ if 1 }}{{ else with 2 }}{{ end }}', 'unexpected <with> in input', 'with'],
];

function offsetOf(template: string, at: string | number): number {
  if (typeof at === 'number') return at;
  const index = template.indexOf(at);
  if (index === -1) throw new Error(`${JSON.stringify(at)} is not in ${JSON.stringify(template)}`);
  return index;
}

describe('parseAlertTemplate', () => {
  it.each(VALID)('accepts %j', (template) => {
    expect(parseAlertTemplate(template, 'A').error).toBeUndefined();
  });

  it.each(INVALID)('rejects %j', (template, message, at) => {
    const { error } = parseAlertTemplate(template, 'A');
    expect(error?.message).toContain(message);
    expect(error?.start).toBe(offsetOf(template, at));
  });

  it('points a missing end at its opener', () => {
    const { error } = parseAlertTemplate('{{ range . }}{{ if 1 }}{{ end }}', 'A');
    expect(error?.unclosed).toEqual({ keyword: 'range', start: 0, end: 13 });
  });

  it('lists the variables in scope', () => {
    const { error } = parseAlertTemplate('{{ $mine := 1 }}{{ $label }}', 'A');
    expect(error?.kind).toBe('undefined-variable');
    expect(error?.name).toBe('$label');
    expect(error?.variablesInScope).toEqual(['$', '$labels', '$externalLabels', '$externalURL', '$value', '$mine']);
  });

  it('names an undefined function', () => {
    const { error } = parseAlertTemplate('{{ $value | humanise }}', 'A');
    expect(error?.kind).toBe('undefined-function');
    expect(error?.name).toBe('humanise');
  });

  it('lists newer features', () => {
    expect(parseAlertTemplate('{{ now }}{{ with 1 }}{{ else with 2 }}{{ end }}', 'A').newerFeatures).toEqual(['now', 'else with']);
    expect(parseAlertTemplate('{{ humanize 1 }}', 'A').newerFeatures).toEqual([]);
  });

  it('rejects else with before Go 1.23', () => {
    const result = parseTemplate('{{ with 1 }}{{ else with 2 }}{{ end }}', { functions: new Set() });
    expect(result.error?.message).toBe('unexpected <with> in else');
  });

  it('limits nesting', () => {
    const deep = `{{ ${'('.repeat(MAX_TEMPLATE_NESTING + 1)}1${')'.repeat(MAX_TEMPLATE_NESTING + 1)} }}`;
    expect(parseAlertTemplate(deep, 'A').error?.kind).toBe('limit');
    const shallow = `{{ ${'('.repeat(MAX_TEMPLATE_NESTING)}1${')'.repeat(MAX_TEMPLATE_NESTING)} }}`;
    expect(parseAlertTemplate(shallow, 'A').error).toBeUndefined();
    const ifs = `${'{{ if 1 }}'.repeat(MAX_TEMPLATE_NESTING + 1)}${'{{ end }}'.repeat(MAX_TEMPLATE_NESTING + 1)}`;
    expect(parseAlertTemplate(ifs, 'A').error?.kind).toBe('limit');
  });
});

describe('template references', () => {
  const describeReference = (reference: VariableOperand | FieldOperand) =>
    reference.type === 'variable'
      ? `${reference.name}${reference.fields.map((field) => `.${field.name}`).join('')} ${reference.declaration.predefined ? 'predefined' : 'declared'} ${reference.start}-${reference.end}`
      : `${reference.fields.map((field) => `.${field.name}`).join('')} ${reference.dotIsData ? 'data' : 'other'} ${reference.start}-${reference.end}`;

  it('binds variables and dot', () => {
    const template = '{{ $labels.job }}{{ range query "up" }}{{ .Labels.x }}{{ end }}{{ .Labels.y }}{{ $labels := 1 }}{{ $labels.z }}';
    expect(parseAlertTemplate(template, 'A').references.map(describeReference)).toEqual([
      '$labels.job predefined 3-14',
      '.Labels.x other 42-51',
      '.Labels.y data 66-75',
      '$labels.z declared 99-108',
    ]);
  });

  it('keeps dot in else branches', () => {
    const template = '{{ with $labels }}{{ .a }}{{ else }}{{ .Labels.b }}{{ end }}';
    expect(parseAlertTemplate(template, 'A').references.map(describeReference)).toEqual(['$labels predefined 8-15', '.a other 21-23', '.Labels.b data 39-48']);
  });

  it('marks reassigned variables', () => {
    const result = parseAlertTemplate('{{ $labels.a }}{{ $labels = 1 }}', 'A');
    const first = result.references[0];
    expect(first?.type === 'variable' && first.declaration.reassigned).toBe(true);
  });

  it('records calls and trees', () => {
    const result = parseAlertTemplate('{{ define "d" }}{{ humanize . }}{{ end }}{{ if 1 }}{{ printf "%s" "x" }}{{ end }}', 'A');
    expect(result.calls.map((call) => call.name)).toEqual(['humanize', 'printf']);
    expect(result.definitions.map((definition) => `${definition.kind} ${definition.name} ${definition.start}-${definition.end}`)).toEqual(['define d 0-41']);
    expect(result.root.map((node) => `${node.type} ${node.start}-${node.end}`)).toEqual(['if 41-81']);
  });
});

describe('parser robustness', () => {
  const pieces = ['{{', '}}', '{{- ', ' -}}', ' ', '\n', 'if', 'else', 'end', 'range', 'with', 'define', 'block', 'break', '$labels', '$', ',', ':=', '=', '|', '(', ')', '.', '.Labels', '"s"', '`r`', "'c'", '1', '0x', '-', 'nil', 'printf', '/*', '*/', '\\', '"', '\u{1F600}', '\ud800'];

  it('never throws on random input', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 3000; round++) {
      const length = 1 + Math.floor(random() * 20);
      const template = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const result = parseAlertTemplate(template, 'A');
      if (result.error !== undefined) {
        expect(result.error.start).toBeGreaterThanOrEqual(0);
        expect(result.error.end).toBeLessThanOrEqual(template.length);
      }
    }
  });
});
