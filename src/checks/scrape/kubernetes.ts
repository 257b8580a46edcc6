import * as z from 'zod';
import { defineCheck } from '../check.js';
import { isHonorLabels, relabelConfigs, serviceDiscoveryKeys, staticConfigs } from '../../load/scrape-fields.js';
import { getText } from '../../load/yaml-access.js';
import { scrapesPushgateway } from './pushgateway.js';
import type { ScrapeJob } from '../../load/model.js';

/** A static target that is a Kubernetes Service's DNS name: `name.namespace.svc[.cluster.local][:port]`. */
const SERVICE_DNS = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\.svc(\.cluster\.local)?\.?(:\d+)?$/;

export default defineCheck({
  id: 'scrape/kubernetes',
  description: 'Enforce Kubernetes service discovery and the standard Kubernetes labels on scrape jobs.',
  severity: 'info',
  inputs: ['scrape'],
  options: z
    .object({
      /** Labels every Kubernetes-discovered job must map from discovery metadata. */
      standard_labels: z.array(z.string().min(1)),
      /** Whether Kubernetes-discovered series must carry a `cluster` label. */
      require_cluster: z.boolean(),
    })
    .strict(),
  create(context) {
    const { standard_labels: standard, require_cluster: requireCluster } = context.options;
    return {
      scrapeJob(job) {
        // A Pushgateway, a federated Prometheus or a job with `honor_labels: true` is one target on purpose, so its Service name is the right target.
        const singleTarget = isHonorLabels(job) || getText(job.node, 'metrics_path') === '/federate' || scrapesPushgateway(job);
        for (const group of singleTarget ? [] : staticConfigs(job)) {
          for (const target of group.targets) {
            if (!SERVICE_DNS.test(target.value)) continue;
            context.reportNode(job, target.node, {
              message: `Scrape job \`${job.name}\` scrapes the Kubernetes Service \`${target.value}\` as a static target, so Prometheus sees one target behind the Service's load balancing instead of each pod, and misses pods as they come and go.`,
              fix: 'Use `kubernetes_sd_configs` with `role: endpoints` or `role: pod`, and keep the pods of this Service with a `keep` relabel rule.',
            });
          }
        }

        if (!serviceDiscoveryKeys(job).includes('kubernetes_sd_configs')) return;
        const written = writtenLabels(job);
        const missing = standard.filter((label) => !written.has(label) && !written.has('*'));
        if (requireCluster && !written.has('cluster') && !context.repository.hasExternalLabel('cluster') && !hasOwnExternalCluster(job)) {
          missing.push('cluster');
        }
        if (missing.length === 0) return;
        const names = missing.map((label) => `\`${label}\``).join(', ');
        context.reportNode(job, job.nameNode ?? job.node, {
          message: `Kubernetes-discovered job \`${job.name}\` does not set the standard ${missing.length === 1 ? 'label' : 'labels'} ${names}, so its series cannot be grouped by cluster, namespace and application like the others.`,
          fix: 'Map them from discovery metadata with relabel rules, such as `source_labels: [__meta_kubernetes_namespace]` with `target_label: namespace`; set `cluster` in `global.external_labels` or by relabeling.',
        });
      },
    };
  },
});

/** Labels a job's relabel rules write; `*` when a `labelmap` may write any label. */
function writtenLabels(job: ScrapeJob): Set<string> {
  const labels = new Set<string>();
  for (const relabel of relabelConfigs(job, 'relabel_configs')) {
    if (relabel.action === 'labelmap') labels.add('*');
    else if (relabel.targetLabel !== undefined) labels.add(relabel.targetLabel);
  }
  for (const group of staticConfigs(job)) for (const label of group.labels) labels.add(label.name);
  return labels;
}

function hasOwnExternalCluster(job: ScrapeJob): boolean {
  return job.document.externalLabels.some((label) => label.name === 'cluster');
}
