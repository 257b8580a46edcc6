import * as z from 'zod';
import { defineCheck } from '../check.js';
import { scalarSourceOffset } from '../../load/scalar-offsets.js';
import { findLabelRemoval, inferLabels, labelCertainty } from '../../promql/label-sets.js';
import { findLabelReferences } from '../../template/alert-label-references.js';
import { describeTemplateError } from '../../template/describe-template-error.js';
import { parseAlertTemplate } from '../../template/prometheus-template.js';
import type { CheckContext, ReportOptions } from '../check.js';
import type { LabelEntry, Rule } from '../../load/model.js';
import type { Expr } from '../../promql/ast.js';
import type { LabelReference } from '../../template/alert-label-references.js';

interface Options {
  external_labels: string[];
}

/** A label or annotation of an alert, whose value Prometheus expands as a template. */
interface TemplateField {
  rule: Rule;
  entry: LabelEntry;
  /** Such as "annotation `summary` of alert `ApiDown`". */
  title: string;
}

export default defineCheck({
  id: 'alerts/template',
  description: 'Disallow alert templates that Prometheus cannot parse, and label reads that are always empty.',
  severity: 'error',
  inputs: ['rules', 'scrape'],
  options: z
    .object({
      /**
       * External labels set by Prometheus servers outside the linted files;
       * `global.external_labels` of every linted Prometheus config is added.
       */
      external_labels: z.array(z.string().min(1)),
    })
    .strict(),
  create(context) {
    return {
      rule(rule) {
        // Prometheus expands templates only in alerting rules, and promtool checks only those.
        if (rule.kind !== 'alerting') return;
        const fields = [
          ...rule.labels.map((entry) => ({ rule, entry, title: `label \`${entry.name}\` of alert \`${rule.name}\`` })),
          ...rule.annotations.map((entry) => ({ rule, entry, title: `annotation \`${entry.name}\` of alert \`${rule.name}\`` })),
        ];
        for (const field of fields) {
          if (field.entry.value.includes('{{')) checkField(context, field);
        }
      },
    };
  },
});

function checkField(context: CheckContext<Options>, field: TemplateField): void {
  const text = field.entry.value;
  const parsed = parseAlertTemplate(text, field.rule.name);
  if (parsed.error !== undefined) {
    const description = describeTemplateError(parsed.error);
    // Too deep a nesting is promgate's limit, not an error in the template.
    const limit = parsed.error.kind === 'limit';
    report(context, field, description.start, description.end, {
      message: `The ${field.title} ${limit ? 'is too deep to read' : 'is not a valid template'}: ${description.message}`,
      fix: description.fix,
      ...(limit ? { severity: 'info' as const } : {}),
    });
    return;
  }

  const references = findLabelReferences(text, parsed);
  for (const reference of references) {
    if (reference.source === 'labels') checkSeriesLabel(context, field, reference);
    else checkExternalLabel(context, field, reference);
  }
}

function checkSeriesLabel(context: CheckContext<Options>, field: TemplateField, reference: LabelReference): void {
  // inferLabels does not follow the metric name, which some results keep and others drop.
  if (reference.label === '__name__') return;
  const { expr } = context.expression(field.rule);
  if (expr === undefined) return;

  const labels = inferLabels(expr);
  const setByRule = field.rule.labels.some((entry) => entry.name === reference.label);
  const ruleNote = setByRule
    ? ` The rule's own \`labels\` set \`${reference.label}\`, but templates see only the labels of the query result.`
    : '';
  if (labelCertainty(labels, reference.label) === 'never') {
    report(context, field, reference.start, reference.end, {
      message: `\`${reference.text}\` in the ${field.title} is always empty: the query result has no \`${reference.label}\` label${describeCause(findLabelRemoval(expr, reference.label))}.${ruleNote}`,
      fix: `Keep \`${reference.label}\` in the query result, as in \`sum by (..., ${reference.label}) (...)\`, or remove \`${reference.text}\` from the template.`,
    });
    return;
  }

  const branches = orBranches(expr);
  const missing = branches.filter((branch) => labelCertainty(inferLabels(branch), reference.label) === 'never');
  if (missing.length === 0) return;
  const branch = missing[0]!;
  report(context, field, reference.start, reference.end, {
    message: `\`${reference.text}\` in the ${field.title} is empty when the alert comes from the \`or\` branch \`${shorten(field.rule.expr.slice(branch.start, branch.end))}\`, whose result has no \`${reference.label}\` label.${ruleNote}`,
    fix: `Keep \`${reference.label}\` in every branch of the \`or\`, or wrap the text in \`{{ with ${reference.text} }}...{{ end }}\` so it reads well without the label.`,
    severity: 'info',
  });
}

function checkExternalLabel(context: CheckContext<Options>, field: TemplateField, reference: LabelReference): void {
  const known = knownExternalLabels(context);
  if (known === undefined || known.has(reference.label)) return;
  const names = [...known].sort().map((name) => `\`${name}\``);
  report(context, field, reference.start, reference.end, {
    message: `\`${reference.text}\` in the ${field.title} is always empty: \`${reference.label}\` is not an external label. Known external labels: ${names.length > 0 ? names.join(', ') : 'none'}.`,
    fix: `Add \`${reference.label}\` under \`global.external_labels\` of the Prometheus config, or, when a Prometheus outside the linted files sets it, list it in the \`external_labels\` option of \`alerts/template\`.`,
  });
}

/**
 * Returns the external labels from the option and from every linted
 * Prometheus config, or undefined when there is neither, because then
 * nothing shows which external labels exist.
 */
function knownExternalLabels(context: CheckContext<Options>): Set<string> | undefined {
  const known = new Set(context.options.external_labels);
  let configs = 0;
  for (const document of context.repository.scrapeDocuments()) {
    if (document.format !== 'prometheus-config') continue;
    configs++;
    for (const label of document.externalLabels) known.add(label.name);
  }
  return configs === 0 && context.options.external_labels.length === 0 ? undefined : known;
}

/** Returns the branches of a top-level `a or b or c`, or an empty list when the top is no `or`. */
function orBranches(expr: Expr): Expr[] {
  let top = expr;
  while (top.type === 'Paren') top = top.expr;
  if (top.type !== 'Binary' || top.op !== 'or') return [];
  return [top.lhs, top.rhs].flatMap((side) => {
    const nested = orBranches(side);
    return nested.length > 0 ? nested : [side];
  });
}

function describeCause(cause: Expr | undefined): string {
  switch (cause?.type) {
    case 'Aggregation':
      if (cause.without) return `, because \`${cause.op} without (${cause.grouping.join(', ')})\` removes it`;
      return cause.hasGrouping ? `, because \`${cause.op} by (${cause.grouping.join(', ')})\` keeps only the labels it groups by` : `, because \`${cause.op}\` without \`by (...)\` removes every label`;
    case 'Call':
      return `, because \`${cause.func.name}(...)\` does not return it`;
    case 'Binary':
      return cause.matching?.on === true ? `, because the \`${cause.op}\` matching on \`on(${cause.matching.labels.join(', ')})\` keeps only the labels in \`on(...)\`` : '';
    default:
      return '';
  }
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}

/** Reports at offsets of the template text, mapped to the file through the YAML scalar. */
function report(context: CheckContext<Options>, field: TemplateField, start: number, end: number, options: ReportOptions): void {
  const fileText = field.rule.group.document.file.source.text;
  const node = field.entry.valueNode;
  const from = scalarSourceOffset(fileText, node, start);
  const to = end > start ? scalarSourceOffset(fileText, node, end - 1) + 1 : from;
  context.reportRange(field.rule, from, to, options);
}
