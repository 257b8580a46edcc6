import { describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_NESTING, parseTemplate } from '../../src/template/parse-template.js';
import { parseAlertTemplate } from '../../src/template/prometheus-template.js';
import { INVALID, VALID } from './template-cases.js';
import type { FieldOperand, VariableOperand } from '../../src/template/template-ast.js';

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
