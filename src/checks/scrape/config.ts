import * as z from 'zod';
import { defineCheck } from '../check.js';
import { findJobShapeProblems } from './job-shape.js';
import { findRelabelProblems, RELABEL_KEYS } from './relabel-problems.js';
import { formatDuration, parseConfigDuration } from '../../load/duration.js';
import { closestKey } from '../../load/schema-problems.js';
import { asMap, asScalar, asSeq, getValue, keyText, mapPairs } from '../../load/yaml-access.js';
import { effectiveScrapeInterval, globalDuration, readRelabelConfigs, relabelConfigs } from '../../load/scrape-fields.js';
import type { RelabelConfig } from '../../load/scrape-fields.js';
import type { CheckContext, Subject } from '../check.js';
import type { ScrapeDocument, ScrapeJob } from '../../load/model.js';
import type { YamlMap } from '../../load/yaml-tree.js';

/**
 * Keys of a scrape job that Prometheus accepts, from 2.x to 3.x. Any key
 * ending in `_sd_configs` is also accepted, so new discovery mechanisms are
 * never reported as unknown.
 */
const JOB_KEYS = [
  'job_name', 'scrape_interval', 'scrape_timeout', 'scrape_protocols', 'fallback_scrape_protocol', 'scrape_classic_histograms',
  'always_scrape_classic_histograms', 'convert_classic_histograms_to_nhcb', 'scrape_native_histograms', 'metrics_path', 'honor_labels',
  'honor_timestamps', 'track_timestamps_staleness', 'scheme', 'params', 'basic_auth', 'authorization', 'oauth2', 'follow_redirects',
  'enable_http2', 'tls_config', 'proxy_url', 'no_proxy', 'proxy_from_environment', 'proxy_connect_header', 'http_headers', 'bearer_token',
  'bearer_token_file', 'body_size_limit', 'sample_limit', 'label_limit', 'label_name_length_limit', 'label_value_length_limit',
  'target_limit', 'keep_dropped_targets', 'native_histogram_bucket_limit', 'native_histogram_min_bucket_factor', 'enable_compression',
  'relabel_configs', 'metric_relabel_configs', 'static_configs', 'scrape_failure_log_file', 'metric_name_validation_scheme',
  'metric_name_escaping_scheme', 'extra_scrape_metrics',
];

const TOP_LEVEL_KEYS = ['global', 'runtime', 'rule_files', 'scrape_config_files', 'scrape_configs', 'alerting', 'remote_write', 'remote_read', 'storage', 'tracing', 'otlp'];

/** How a timeout message names the interval a job's timeout is compared with. */
const INTERVAL_SOURCES = { job: 'its `scrape_interval`', global: 'the global `scrape_interval`', default: 'the default `scrape_interval`' } as const;

export default defineCheck({
  id: 'scrape/config',
  description: 'Disallow scrape configurations that Prometheus rejects.',
  severity: 'error',
  inputs: ['scrape'],
  options: z.object({}).strict(),
  create(context) {
    return {
      scrapeDocument(document) {
        if (document.root.kind === 'map') reportUnknownKeys(context, document, document.root, TOP_LEVEL_KEYS, 'a Prometheus configuration');
        checkGlobal(context, document);
        reportDuplicateJobNames(context, document);
        reportRelabelConfigsOutsideJobs(context, document);
      },
      scrapeJob(job) {
        reportUnknownKeys(context, job, job.node, JOB_KEYS, `scrape job \`${job.name}\``, (key) => key.endsWith('_sd_configs'));
        for (const key of ['scrape_interval', 'scrape_timeout'] as const) reportInvalidDuration(context, job, job.node, key);

        const timeoutNode = asScalar(getValue(job.node, 'scrape_timeout'));
        const timeout = timeoutNode === undefined ? undefined : parseConfigDuration(timeoutNode.value);
        const interval = effectiveScrapeInterval(job);
        if (timeoutNode !== undefined && timeout !== undefined && timeout > interval.milliseconds) {
          const where = INTERVAL_SOURCES[interval.source];
          context.reportNode(job, timeoutNode, {
            message: `Scrape job \`${job.name}\` has \`scrape_timeout: ${timeoutNode.value}\`, longer than ${where} of ${formatDuration(interval.milliseconds)}, so Prometheus rejects the configuration.`,
            fix: `Set \`scrape_timeout\` to at most ${formatDuration(interval.milliseconds)}, or remove it: an unset timeout is capped at the interval.`,
          });
        }

        for (const key of ['relabel_configs', 'metric_relabel_configs'] as const) {
          for (const relabel of relabelConfigs(job, key)) reportRelabel(context, job, relabel);
        }
        for (const problem of findJobShapeProblems(job)) {
          context.reportNode(job, problem.node, { message: `${problem.message} Prometheus rejects the configuration.`, fix: problem.fix });
        }
      },
    };
  },
});

type Context = CheckContext<Record<string, never>>;

function reportUnknownKeys(context: Context, subject: Subject, map: YamlMap, known: readonly string[], where: string, allowed: (key: string) => boolean = () => false): void {
  for (const pair of map.pairs) {
    const key = keyText(pair);
    if (key === undefined || key === '<<' || known.includes(key) || allowed(key)) continue;
    const suggestion = closestKey(key, known);
    context.reportNode(subject, pair.key, {
      message: `Unknown key \`${key}\` in ${where}; Prometheus rejects the configuration.`,
      fix: suggestion === undefined ? `Remove \`${key}\` or fix its spelling.` : `Rename \`${key}\` to \`${suggestion}\`.`,
    });
  }
}

function reportInvalidDuration(context: Context, subject: Subject, map: YamlMap | undefined, key: string): void {
  const node = asScalar(getValue(map, key));
  if (node === undefined || parseConfigDuration(node.value) !== undefined) return;
  context.reportNode(subject, node, {
    message: `\`${key}: ${node.value}\` is not a valid duration (or longer than Prometheus' limit of about 292 years), so Prometheus rejects the configuration.`,
    fix: 'Write a number followed by a unit (`ms`, `s`, `m`, `h`, `d`, `w`, `y`), such as `15s` or `1m`.',
  });
}

function checkGlobal(context: Context, document: ScrapeDocument): void {
  for (const key of ['scrape_interval', 'scrape_timeout', 'evaluation_interval']) reportInvalidDuration(context, document, document.global, key);
  const timeout = globalDuration(document, 'scrape_timeout');
  const interval = globalDuration(document, 'scrape_interval');
  if (timeout.node !== undefined && timeout.milliseconds > interval.milliseconds) {
    context.reportNode(document, timeout.node, {
      message: `The global \`scrape_timeout: ${timeout.node.value}\` is longer than the global \`scrape_interval\` of ${formatDuration(interval.milliseconds)}, so Prometheus rejects the configuration.`,
      fix: `Set \`scrape_timeout\` to at most ${formatDuration(interval.milliseconds)}.`,
    });
  }
}

function reportDuplicateJobNames(context: Context, document: ScrapeDocument): void {
  const seen = new Map<string, ScrapeJob>();
  for (const job of document.jobs) {
    if (job.name === '' || job.nameNode === undefined) continue;
    const first = seen.get(job.name);
    if (first === undefined) {
      seen.set(job.name, job);
      continue;
    }
    const line = document.file.source.positionAt(first.node.start).line;
    context.reportNode(job, job.nameNode, {
      message: `Duplicate \`job_name\` \`${job.name}\`; a job with this name starts on line ${line}, and Prometheus rejects the configuration.`,
      fix: 'Give each scrape job its own name, or merge the two jobs.',
    });
  }
}

function reportRelabel(context: Context, subject: Subject, relabel: RelabelConfig): void {
  for (const pair of mapPairs(relabel.node)) {
    const key = keyText(pair);
    if (key !== undefined && !RELABEL_KEYS.includes(key)) {
      const suggestion = closestKey(key, RELABEL_KEYS);
      context.reportNode(subject, pair.key, {
        message: `Unknown key \`${key}\` in a relabel config; Prometheus rejects the configuration.`,
        fix: suggestion === undefined ? `Remove \`${key}\`.` : `Rename \`${key}\` to \`${suggestion}\`.`,
      });
    }
  }
  for (const problem of findRelabelProblems(relabel)) {
    context.reportNode(subject, problem.node, { message: `${problem.message} Prometheus rejects the configuration.`, fix: problem.fix });
  }
}

/** Checks `write_relabel_configs` of `remote_write` and `alert_relabel_configs` of `alerting`, which belong to no job. */
function reportRelabelConfigsOutsideJobs(context: Context, document: ScrapeDocument): void {
  if (document.root.kind !== 'map') return;
  const lists = [
    ...(asSeq(getValue(document.root, 'remote_write'))?.items ?? []).map((item) => getValue(asMap(item), 'write_relabel_configs')),
    getValue(asMap(getValue(document.root, 'alerting')), 'alert_relabel_configs'),
  ];
  for (const list of lists) {
    for (const relabel of readRelabelConfigs(list)) reportRelabel(context, document, relabel);
  }
}
