import { burnFactor, conditionsOf } from './burn-rate.js';
import { formatNumber } from './format-number.js';
import { RESERVED_LABELS } from './slo-series.js';
import { sliQueries, sloId } from './slo-spec.js';
import { validateSliQuery } from './validate-sli-query.js';
import type { AlertTierName } from './burn-rate.js';
import type { Slo, SloPeriod, SloSpec, SloSpecProblem, SpecLabel } from './slo-spec.js';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export interface ValidateOptions {
  /** The file's text, to place problems inside block and quoted scalars. */
  text: string;
  /** The period of SLOs whose spec sets none. */
  defaultPeriod: SloPeriod;
}

/**
 * Checks the specs of one file for what their structure cannot show:
 * objectives in range, valid queries, unique SLOs, valid label names, and
 * alert conditions that can fire at all.
 */
export function validateSloSpecs(specs: readonly SloSpec[], options: ValidateOptions): SloSpecProblem[] {
  const problems: SloSpecProblem[] = [];
  const firstById = new Map<string, { spec: SloSpec; slo: Slo }>();
  for (const spec of specs) {
    checkLabels(spec.labels, 'label', problems);
    for (const slo of spec.slos) {
      const id = sloId(spec, slo);
      const first = firstById.get(id);
      if (first === undefined) firstById.set(id, { spec, slo });
      else problems.push(duplicateProblem({ spec, slo }, first, id, options.text));

      const objectiveInRange = checkObjective(slo, problems);
      for (const query of sliQueries(slo.sli)) problems.push(...validateSliQuery(query, options.text));
      checkLabels(slo.labels, 'label', problems);
      checkLabels(slo.alerting.labels, 'label', problems);
      checkLabels(slo.alerting.annotations, 'annotation', problems);
      for (const tier of ['page', 'ticket'] as const) {
        checkLabels(slo.alerting[tier].labels, 'label', problems);
        checkLabels(slo.alerting[tier].annotations, 'annotation', problems);
        if (objectiveInRange) checkTierCanFire(spec, slo, tier, slo.period?.value ?? options.defaultPeriod, problems);
      }
    }
  }
  return problems;
}

function duplicateProblem(duplicate: { spec: SloSpec; slo: Slo }, first: { spec: SloSpec; slo: Slo }, id: string, text: string): SloSpecProblem {
  const { slo, spec } = duplicate;
  const line = lineOf(text, first.slo.name.node.start);
  const sameName = first.spec.service.value === spec.service.value && first.slo.name.value === slo.name.value;
  const message = sameName
    ? `SLO \`${slo.name.value}\` of service \`${spec.service.value}\` is defined twice; the first definition is on line ${line}.`
    : `SLO \`${slo.name.value}\` of service \`${spec.service.value}\` gets the id \`${id}\`, the same as SLO \`${first.slo.name.value}\` of service \`${first.spec.service.value}\` on line ${line}.`;
  return {
    start: slo.name.node.start,
    end: slo.name.node.end,
    message,
    fix: 'Rename one of them: `<service>-<name>` becomes the `sloth_id` label, and two SLOs with one id would record the same series.',
  };
}

/** Reports an objective outside (0, 100) percent and returns whether it is inside. */
function checkObjective(slo: Slo, problems: SloSpecProblem[]): boolean {
  const { objective } = slo;
  const upper = objective.unit === 'percent' ? 100 : 1;
  if (objective.written > 0 && objective.written < upper) return true;

  const example = objective.unit === 'percent' ? '`99.9`' : '`0.999`';
  let hint = '';
  if (objective.unit === 'ratio' && objective.written > 1 && objective.written < 100) {
    hint = ` It looks like a percentage: \`target\` is a ratio, and \`targetPercent\` takes percentages.`;
  } else if (objective.written >= upper) {
    hint = ' At 100% the error budget is zero, so no burn rate can be computed.';
  }
  problems.push({
    start: objective.node.start,
    end: objective.node.end,
    message: `\`${objective.path}\` is \`${formatNumber(objective.written)}\`, outside the range from 0 to ${upper}, both excluded.${hint}`,
    fix: `Write ${objective.unit === 'percent' ? 'a percentage' : 'a ratio'} above 0 and below ${upper}, such as ${example}.`,
  });
  return false;
}

/**
 * Reports each condition of an enabled alert tier whose threshold, burn
 * factor × error budget, is 1 or more: an error ratio never exceeds 1, so
 * the condition can never hold.
 */
function checkTierCanFire(spec: SloSpec, slo: Slo, tier: AlertTierName, period: SloPeriod, problems: SloSpecProblem[]): void {
  if (slo.alerting[tier].disabled) return;
  const { objective } = slo;
  const budget = 1 - objective.ratio;
  for (const condition of conditionsOf(tier)) {
    const factor = burnFactor(condition, period);
    const threshold = factor * budget;
    if (threshold < 1) continue;

    const scale = objective.unit === 'percent' ? 100 : 1;
    const lowest = Math.ceil((1 - 1 / factor) * scale * 10_000) / 10_000;
    const percentHint =
      objective.unit === 'percent' && objective.written <= 1
        ? ` \`${objective.path}\` is a percentage, so \`${formatNumber(objective.written)}\` means ${formatNumber(objective.written)}%, not ${formatNumber(objective.written * 100)}%.`
        : '';
    const disable = spec.format === 'prometheus/v1' ? `, or set \`${slo.path}.alerting.${tier}_alert.disable: true\`` : '';
    problems.push({
      start: objective.node.start,
      end: objective.node.end,
      message:
        `The ${tier} alert of SLO \`${slo.name.value}\` can never fire on its ${condition.longWindow} and ${condition.shortWindow} windows: ` +
        `its threshold is ${formatNumber(factor)} × the error budget ${formatNumber(budget)} = ${formatNumber(threshold)}, and an error ratio never exceeds 1.${percentHint}`,
      fix: `Raise \`${objective.path}\` above ${lowest}${disable}.`,
    });
  }
}

function checkLabels(labels: readonly SpecLabel[], kind: 'label' | 'annotation', problems: SloSpecProblem[]): void {
  for (const label of labels) {
    if (!LABEL_NAME.test(label.name) || label.name.startsWith('__')) {
      problems.push({
        start: label.keyNode.start,
        end: label.keyNode.end,
        message: `\`${label.name}\` is not a valid ${kind} name: Prometheus allows letters, digits and \`_\`, not starting with a digit or \`__\`.`,
        fix: `Rename it, such as \`${suggestLabelName(label.name)}\`.`,
      });
    } else if (kind === 'label' && RESERVED_LABELS.includes(label.name)) {
      problems.push({
        start: label.keyNode.start,
        end: label.keyNode.end,
        message: `Label \`${label.name}\` is set by promgate on every generated rule, so the spec cannot set it.`,
        fix: `Remove \`${label.name}\` or rename it; promgate sets ${RESERVED_LABELS.map((name) => `\`${name}\``).join(', ')}.`,
      });
    }
  }
}

/** Turns an invalid name into a valid one for the fix text: `team-name` becomes `team_name`. */
function suggestLabelName(name: string): string {
  const replaced = name.replace(/[^a-zA-Z0-9_]/g, '_').replace(/^_+/, '');
  return /^[a-zA-Z]/.test(replaced) ? replaced : `label_${replaced}`;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}
