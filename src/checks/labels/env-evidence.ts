import { relabelConfigs, staticConfigs } from '../../load/scrape-fields.js';
import { walk } from '../../promql/walk.js';
import type { CheckContext } from '../check.js';
import type { Repository } from '../../repository.js';

/**
 * The source of `env` that the linted configs show: `targets` when a scrape
 * job attaches it to its series, else `external_labels` when
 * `global.external_labels` sets it, else `rules` when a rule selects, groups
 * by or sets it, else `unknown`.
 */
export type EnvEvidence = 'targets' | 'external_labels' | 'rules' | 'unknown';

const cache = new WeakMap<Repository, EnvEvidence>();

export function findEnvEvidence(context: CheckContext<unknown>): EnvEvidence {
  const cached = cache.get(context.repository);
  if (cached !== undefined) return cached;
  const evidence = computeEvidence(context);
  cache.set(context.repository, evidence);
  return evidence;
}

function computeEvidence(context: CheckContext<unknown>): EnvEvidence {
  const repository = context.repository;
  for (const job of repository.scrapeJobs) {
    if (staticConfigs(job).some((group) => group.labels.some((label) => label.name === 'env'))) return 'targets';
    if (relabelConfigs(job, 'relabel_configs').some((relabel) => relabel.targetLabel === 'env')) return 'targets';
  }
  if (repository.hasExternalLabel('env')) return 'external_labels';

  for (const rule of repository.rules) {
    if (rule.labels.some((label) => label.name === 'env')) return 'rules';
    const { expr } = context.expression(rule);
    if (expr === undefined) continue;
    let mentioned = false;
    walk(expr, (node) => {
      if (mentioned) return false;
      if (node.type === 'VectorSelector') mentioned = node.matchers.some((matcher) => matcher.name === 'env');
      else if (node.type === 'Aggregation') mentioned = node.grouping.includes('env');
      else if (node.type === 'Binary') mentioned = node.matching?.labels.includes('env') === true || node.matching?.include.includes('env') === true;
      return undefined;
    });
    if (mentioned) return 'rules';
  }
  return 'unknown';
}
