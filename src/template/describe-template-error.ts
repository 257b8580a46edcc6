import { findClosestMatch } from '../policy/closest-match.js';
import { ALERT_TEMPLATE_FUNCTIONS, ALERT_TEMPLATE_VARIABLES } from './prometheus-template.js';
import type { TemplateError } from './template-ast.js';

export interface TemplateErrorDescription {
  /** One or more sentences naming what is wrong, with Go's own message. */
  message: string;
  fix: string;
  /** The offsets to report in the template text. For a missing `{{end}}` they span the action it should close. */
  start: number;
  end: number;
}

const REFERENCE_URL = 'https://prometheus.io/docs/prometheus/latest/configuration/template_reference/';
const LOAD_FAILURE = 'Prometheus refuses to load a rule file with a template that does not parse.';

/** Turns a parse error of an alert template into a finding's message and fix. */
export function describeTemplateError(error: TemplateError): TemplateErrorDescription {
  const at = { start: error.start, end: error.end };
  switch (error.kind) {
    case 'undefined-variable':
      return { ...describeUndefinedVariable(error), ...at };
    case 'undefined-function':
      return { ...describeUndefinedFunction(error), ...at };
    case 'limit':
      return {
        message: `promgate did not check it: ${error.message}.`,
        fix: 'Split the template, or check it with `promtool check rules`.',
        ...at,
      };
    case 'syntax':
      return describeSyntaxError(error);
  }
}

function describeUndefinedVariable(error: TemplateError): { message: string; fix: string } {
  const name = error.name ?? '';
  const inScope = error.variablesInScope ?? [];
  if (ALERT_TEMPLATE_VARIABLES.includes(name)) {
    return {
      message: `\`${name}\` is not defined inside \`{{define}}\` and \`{{block}}\` bodies, where only \`$\` is declared (Go reports \`${error.message}\`).`,
      fix: `Pass the alert data with \`{{ template "name" . }}\` and read \`.Labels\`, \`.ExternalLabels\` or \`.Value\` inside the body.`,
    };
  }
  const predefined = ALERT_TEMPLATE_VARIABLES.map((variable) => `\`${variable}\``);
  const declared = inScope.filter((variable) => variable !== '$' && !ALERT_TEMPLATE_VARIABLES.includes(variable));
  const declaredText = declared.length > 0 ? ` The template declares ${declared.map((variable) => `\`${variable}\``).join(', ')} before this point.` : '';
  const suggestion = findClosestMatch(name, inScope.filter((variable) => variable !== '$'));
  return {
    message: `\`${name}\` is not defined. Prometheus defines ${predefined.slice(0, -1).join(', ')} and ${predefined[predefined.length - 1]}.${declaredText}`,
    fix: suggestion !== undefined ? `Did you mean \`${suggestion}\`?` : `Declare it first with \`{{ ${name} := ... }}\`, or use one of the variables Prometheus defines.`,
  };
}

function describeUndefinedFunction(error: TemplateError): { message: string; fix: string } {
  const name = error.name ?? '';
  const suggestion = findClosestMatch(name, [...ALERT_TEMPLATE_FUNCTIONS]);
  return {
    message: `function \`${name}\` is not defined in Go templates or by Prometheus. ${LOAD_FAILURE}`,
    fix: suggestion !== undefined ? `Did you mean \`${suggestion}\`?` : `Use a function from Go's text/template or from ${REFERENCE_URL}.`,
  };
}

function describeSyntaxError(error: TemplateError): TemplateErrorDescription {
  if (error.unclosed !== undefined) {
    const keyword = error.unclosed.keyword;
    return {
      message: `this \`{{${keyword}}}\` has no matching \`{{end}}\` (Go reports \`${error.message}\`). ${LOAD_FAILURE}`,
      fix: `Close it with \`{{ end }}\` after the text it should ${keyword === 'define' || keyword === 'block' ? 'define' : 'control'}.`,
      start: error.unclosed.start,
      end: error.unclosed.end,
    };
  }
  return { message: `${error.message}. ${LOAD_FAILURE}`, fix: syntaxFix(error.message), start: error.start, end: error.end };
}

function syntaxFix(message: string): string {
  if (message.startsWith('unclosed action')) return 'Close the action with `}}`, or write a literal `{{` as `{{ "{{" }}`.';
  if (message === 'unexpected {{end}}') return 'Remove this `{{ end }}`, or add the `{{ if }}`, `{{ range }}` or `{{ with }}` it should close.';
  if (message === 'unexpected {{else}}') return 'Move this `{{ else }}` inside an `{{ if }}`, `{{ range }}` or `{{ with }}`, or remove it.';
  if (message.startsWith('unterminated quoted string')) return 'End the string with `"` on the same line, or use a raw string in backquotes.';
  if (message.startsWith('unterminated raw quoted string')) return 'End the raw string with a backquote.';
  if (message.startsWith('unclosed comment') || message.startsWith('comment ends')) return 'Write the comment as `{{/* ... */}}`, with nothing between `*/` and `}}`.';
  if (message.startsWith('missing value for')) return 'Give the action a value, such as `{{ $value }}`, or remove the empty action.';
  if (message === 'invalid syntax') return 'Write the string with Go escapes only: `\\n`, `\\t`, `\\"`, `\\\\`, `\\x41`, `\\u00e9`.';
  if (message.includes('outside {{range}}')) return 'Use `{{ break }}` and `{{ continue }}` only inside `{{ range }}`.';
  if (message.startsWith('non executable command')) return 'Start every stage after `|` with a function, such as `{{ $value | humanize }}`.';
  return `Fix the template syntax; ${REFERENCE_URL} and Go's text/template documentation describe it.`;
}
