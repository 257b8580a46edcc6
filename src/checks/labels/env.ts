import * as z from 'zod';
import { defineCheck } from '../check.js';
import { isHonorLabels, relabelConfigs, serviceDiscoveryKeys, staticConfigs } from '../../load/scrape-fields.js';
import type { LabelEntry, ScrapeJob } from '../../load/model.js';

/** Discovery mechanisms whose targets can carry labels of their own, such as `env`. */
const LABELLED_DISCOVERY = new Set(['file_sd_configs', 'http_sd_configs']);

export const envSourceSchema = z.enum(['auto', 'targets', 'external_labels']);

export default defineCheck({
  id: 'labels/env',
  description: 'Require every scrape job to attach an `env` label with an allowed value.',
  severity: 'warning',
  inputs: ['scrape'],
  options: z
    .object({
      allowed_values: z.array(z.string().min(1)).min(1),
      /**
       * Source of the `env` label: `auto` infers it from the configs linted,
       * `external_labels` means a Prometheus outside the repository adds it,
       * `targets` means every job must attach it itself.
       */
      env_source: envSourceSchema,
    })
    .strict(),
  create(context) {
    const { allowed_values: allowed, env_source: source } = context.options;
    const listed = allowed.map((value) => `\`${value}\``).join(', ');

    const checkValue = (subject: Parameters<typeof context.reportNode>[0], label: LabelEntry, where: string): void => {
      // `${VAR}` values are expanded by Prometheus from its environment when it starts.
      if (label.value.includes('$') || allowed.includes(label.value)) return;
      context.reportNode(subject, label.valueNode, {
        message: `${where} sets \`env: ${label.value}\`, which is not one of ${listed}.`,
        fix: `Use one of ${listed}, or add \`${label.value}\` to \`allowed_values\` in the policy.`,
      });
    };

    return {
      scrapeDocument(document) {
        for (const label of document.externalLabels) {
          if (label.name === 'env') checkValue(document, label, '`global.external_labels`');
        }
      },
      scrapeJob(job) {
        for (const group of staticConfigs(job)) {
          for (const label of group.labels) if (label.name === 'env') checkValue(job, label, `Scrape job \`${job.name}\``);
        }
        for (const relabel of relabelConfigs(job, 'relabel_configs')) {
          if (relabel.targetLabel !== 'env' || relabel.action !== 'replace' || relabel.replacementNode === undefined) continue;
          const { replacement, replacementNode } = relabel;
          if (!replacement.includes('$') && !allowed.includes(replacement)) {
            context.reportNode(job, replacementNode, {
              message: `Scrape job \`${job.name}\` relabels \`env\` to \`${replacement}\`, which is not one of ${listed}.`,
              fix: `Use one of ${listed}, or add \`${replacement}\` to \`allowed_values\` in the policy.`,
            });
          }
        }

        if (source === 'external_labels') return;
        const missing = describeMissingEnv(job, source === 'auto' && hasExternalEnv(job, context.repository.hasExternalLabel('env')));
        if (missing === undefined) return;
        context.reportNode(job, job.nameNode ?? job.node, {
          message: `Scrape job \`${job.name || '(unnamed)'}\` attaches no \`env\` label to ${missing}, so its series cannot be told apart by environment.`,
          fix: `Add \`env\` with one of ${listed} to \`labels\` of each target group, a relabel rule with \`target_label: env\`, or \`env\` in \`global.external_labels\`.`,
        });
      },
    };
  },
});

function hasExternalEnv(job: ScrapeJob, anywhereInRepository: boolean): boolean {
  if (job.document.format === 'job-list') return anywhereInRepository;
  return job.document.externalLabels.some((label) => label.name === 'env');
}

/** Returns which targets lack `env`, or undefined when every series gets one. */
function describeMissingEnv(job: ScrapeJob, hasExternal: boolean): string | undefined {
  if (hasExternal || isHonorLabels(job)) return undefined;
  const relabels = relabelConfigs(job, 'relabel_configs');
  const writesEnv = relabels.some(
    (relabel) => relabel.action === 'labelmap' || (relabel.targetLabel === 'env' && ['replace', 'lowercase', 'uppercase'].includes(relabel.action)),
  );
  if (writesEnv) return undefined;
  if (serviceDiscoveryKeys(job).some((key) => LABELLED_DISCOVERY.has(key))) return undefined;

  const groups = staticConfigs(job);
  const without = groups.filter((group) => !group.labels.some((label) => label.name === 'env'));
  if (groups.length > 0 && without.length === 0 && serviceDiscoveryKeys(job).length === 0) return undefined;
  if (groups.length > 1 && without.length < groups.length) {
    return `${without.length} of its ${groups.length} target groups`;
  }
  return 'its targets';
}
