import { relabelConfigs, staticConfigs } from '../../load/scrape-fields.js';
import { walk } from '../../promql/walk.js';
import type { CheckContext, CheckVisitor, ReportOptions } from '../check.js';
import type { Rule, ScrapeJob } from '../../load/model.js';
import type { Expr } from '../../promql/ast.js';
import type { YamlNode } from '../../load/yaml-tree.js';

/** A place where a rule or a scrape job keeps or creates a label. */
export type LabelSite =
  | { name: string; kind: 'rule-label'; rule: Rule; node: YamlNode }
  | { name: string; kind: 'expression'; rule: Rule; expr: Expr; how: string }
  | { name: string; kind: 'relabel' | 'static-label'; job: ScrapeJob; node: YamlNode };

/** Sites per rule, shared by the checks that deny label names, so each expression is walked once. */
const ruleSites = new WeakMap<Rule, LabelSite[]>();

/** Lists the labels a rule sets in `labels` or keeps in its expression. */
export function ruleLabelSites(context: CheckContext<unknown>, rule: Rule): LabelSite[] {
  let sites = ruleSites.get(rule);
  if (sites === undefined) {
    sites = findRuleLabelSites(context, rule);
    ruleSites.set(rule, sites);
  }
  return sites;
}

function findRuleLabelSites(context: CheckContext<unknown>, rule: Rule): LabelSite[] {
  const sites: LabelSite[] = rule.labels.map((label) => ({ name: label.name, kind: 'rule-label', rule, node: label.keyNode }));
  const { expr } = context.expression(rule);
  if (expr === undefined) return sites;
  walk(expr, (node) => {
    if (node.type === 'Aggregation') {
      if (!node.without) for (const name of node.grouping) sites.push({ name, kind: 'expression', rule, expr: node, how: `\`${node.op} by (...)\`` });
      if (node.op === 'count_values' && node.param?.type === 'StringLiteral') sites.push({ name: node.param.value, kind: 'expression', rule, expr: node, how: '`count_values`' });
    } else if (node.type === 'Call' && (node.func.name === 'label_replace' || node.func.name === 'label_join')) {
      const destination = node.args[1];
      if (destination?.type === 'StringLiteral') sites.push({ name: destination.value, kind: 'expression', rule, expr: node, how: `\`${node.func.name}\`` });
    }
  });
  return sites;
}

/** Lists the labels a scrape job writes by relabeling or sets on static targets. */
export function jobLabelSites(job: ScrapeJob): LabelSite[] {
  const sites: LabelSite[] = [];
  for (const relabel of [...relabelConfigs(job, 'relabel_configs'), ...relabelConfigs(job, 'metric_relabel_configs')]) {
    if (relabel.targetLabel === undefined || relabel.targetLabelNode === undefined) continue;
    if (['replace', 'lowercase', 'uppercase', 'hashmod'].includes(relabel.action)) {
      sites.push({ name: relabel.targetLabel, kind: 'relabel', job, node: relabel.targetLabelNode });
    }
  }
  for (const group of staticConfigs(job)) {
    for (const label of group.labels) sites.push({ name: label.name, kind: 'static-label', job, node: label.keyNode });
  }
  return sites;
}

/** Describes where a site keeps the label, such as "Rule `x` keeps ... in `sum by (...)`". */
export function describeSite(site: LabelSite): string {
  switch (site.kind) {
    case 'rule-label':
      return `Rule \`${site.rule.name}\` sets the label \`${site.name}\``;
    case 'expression':
      return `\`${site.rule.name}\` keeps the label \`${site.name}\` with ${site.how}`;
    case 'relabel':
      return `Scrape job \`${site.job.name}\` writes the label \`${site.name}\` by relabeling`;
    case 'static-label':
      return `Scrape job \`${site.job.name}\` sets the label \`${site.name}\` on its targets`;
  }
}

export function reportSite(context: CheckContext<unknown>, site: LabelSite, report: ReportOptions): void {
  if (site.kind === 'expression') context.reportExpression(site.rule, site.expr.start, site.expr.end, report);
  else if (site.kind === 'rule-label') context.reportNode(site.rule, site.node, report);
  else context.reportNode(site.job, site.node, report);
}

/**
 * Builds the hooks of a check that denies label names: every place a rule or
 * a scrape job keeps or creates a denied label is reported with `describe`.
 */
export function reportDeniedLabels(context: CheckContext<unknown>, deniedNames: readonly string[], describe: (site: LabelSite) => ReportOptions): Pick<CheckVisitor, 'rule' | 'scrapeJob'> {
  const denied = new Set(deniedNames);
  const report = (site: LabelSite): void => {
    if (denied.has(site.name)) reportSite(context, site, describe(site));
  };
  return {
    rule(rule) {
      for (const site of ruleLabelSites(context, rule)) report(site);
    },
    scrapeJob(job) {
      for (const site of jobLabelSites(job)) report(site);
    },
  };
}
