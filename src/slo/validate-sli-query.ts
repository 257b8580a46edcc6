import { scalarSourceOffset } from '../load/scalar-offsets.js';
import { parsePromql } from '../promql/index.js';
import { fillWindow, hasWindowPlaceholder, unknownTemplateActions } from './window-template.js';
import type { SliQuery, SloSpecProblem } from './slo-spec.js';

/** The window a query is parsed with. Any valid duration would do. */
const PARSE_WINDOW = '5m';

const WINDOW_EXAMPLE = '`rate(http_requests_total{code=~"5.."}[{{.window}}])`';

/**
 * Checks one SLI query template: it uses `{{.window}}`, has no other
 * template action, parses as PromQL once the window is filled in, and
 * returns an instant vector or a scalar, which a recording rule can store.
 */
export function validateSliQuery(query: SliQuery, text: string): SloSpecProblem[] {
  const problems: SloSpecProblem[] = [];
  const at = (start: number, end: number, message: string, fix: string): void => {
    const from = scalarSourceOffset(text, query.node, start);
    const to = end > start ? scalarSourceOffset(text, query.node, end - 1) + 1 : from;
    problems.push({ start: from, end: to, message, fix });
  };

  const unknown = unknownTemplateActions(query.template);
  for (const action of unknown) {
    at(
      action.start,
      action.end,
      `\`${query.path}\` contains the template action \`${action.text}\`; the only variable filled in is \`{{.window}}\`.`,
      'Write the range as `{{.window}}`, in lower case, and remove other template actions.',
    );
  }
  if (!hasWindowPlaceholder(query.template)) {
    at(
      0,
      query.template.length,
      `\`${query.path}\` does not use \`{{.window}}\`, so every window from 5m to the SLO period would record the same value.`,
      `Write \`{{.window}}\` as the range of each range selector, such as ${WINDOW_EXAMPLE}.`,
    );
  }
  if (unknown.length > 0) return problems;

  const filled = fillWindow(query.template, PARSE_WINDOW);
  const parsed = parsePromql(filled.text);
  const error = parsed.errors[0];
  if (error !== undefined) {
    at(
      filled.templateIndex(error.start),
      filled.templateIndex(error.end),
      `\`${query.path}\` is not valid PromQL with \`{{.window}}\` set to \`${PARSE_WINDOW}\`: ${lowerFirst(error.message)}`,
      'Correct the query; promgate parses it as Prometheus would after filling in each window.',
    );
    return problems;
  }
  const type = parsed.expr?.valueType;
  if (type === 'matrix' || type === 'string') {
    at(
      0,
      query.template.length,
      `\`${query.path}\` returns ${type === 'matrix' ? 'a range vector' : 'a string'}, but a recording rule stores an instant vector or a scalar.`,
      `Apply a function to the range, such as ${WINDOW_EXAMPLE}.`,
    );
  }
  return problems;
}

function lowerFirst(message: string): string {
  return /^[A-Z][a-z]/.test(message) ? message[0]!.toLowerCase() + message.slice(1) : message;
}
