import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Finding } from '../finding.js';
import type { RateLimitKind } from './promgate-octokit.js';

/** The App's Prometheus metrics, in a registry of their own so that tests and other libraries do not share them. */
export interface AppMetrics {
  registry: Registry;
  /** Counts reviews by check run conclusion, or `error` when no check run could be created. */
  reviews: Counter<'conclusion'>;
  reviewDuration: Histogram;
  /** Counts reported findings, the ones that decide a conclusion. */
  findings: Counter<'check' | 'severity'>;
  /** Counts attempts of GitHub API requests by HTTP status, `timeout` or `network_error`. */
  githubRequests: Counter<'status'>;
  githubRateLimited: Counter<'limit'>;
  deliveriesSkipped: Counter;
  /** Counts `/promgate` commands by command and result: `done`, `rejected` for users without write access, or `failed`. */
  commands: Counter<'command' | 'result'>;
}

/** Creates the metrics; `processMetrics` adds prom-client's process and Node.js metrics, which the server exposes. */
export function createMetrics(options: { processMetrics?: boolean } = {}): AppMetrics {
  const registry = new Registry();
  if (options.processMetrics === true) collectDefaultMetrics({ register: registry });

  return {
    registry,
    reviews: new Counter({
      name: 'promgate_reviews_total',
      help: 'Pull request reviews finished, by check run conclusion, or error when no check run could be created.',
      labelNames: ['conclusion'],
      registers: [registry],
    }),
    reviewDuration: new Histogram({
      name: 'promgate_review_duration_seconds',
      help: 'Time from the start of a pull request review to its end, including waits for GitHub.',
      buckets: [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
      registers: [registry],
    }),
    findings: new Counter({
      name: 'promgate_findings_total',
      help: 'Findings reported on pull requests, by check id and severity.',
      labelNames: ['check', 'severity'],
      registers: [registry],
    }),
    githubRequests: new Counter({
      name: 'promgate_github_requests_total',
      help: 'Attempts of GitHub API requests, by HTTP status, or timeout or network_error.',
      labelNames: ['status'],
      registers: [registry],
    }),
    githubRateLimited: new Counter({
      name: 'promgate_github_rate_limited_total',
      help: "Requests that hit GitHub's primary or secondary rate limit.",
      labelNames: ['limit'],
      registers: [registry],
    }),
    deliveriesSkipped: new Counter({
      name: 'promgate_webhook_deliveries_skipped_total',
      help: 'Webhook deliveries skipped because this or another instance already processed the same delivery id.',
      registers: [registry],
    }),
    commands: new Counter({
      name: 'promgate_commands_total',
      help: 'Commands run from pull request comments, by command and result: done, rejected (no write access) or failed.',
      labelNames: ['command', 'result'],
      registers: [registry],
    }),
  };
}

export function countFindings(metrics: AppMetrics, findings: readonly Finding[]): void {
  for (const finding of findings) metrics.findings.inc({ check: finding.check, severity: finding.severity });
}

/** Returns the callbacks that count the GitHub client's request results and rate limits. */
export function githubClientObservers(metrics: AppMetrics): { onRequestResult: (result: string) => void; onRateLimited: (limit: RateLimitKind) => void } {
  return {
    onRequestResult: (result) => metrics.githubRequests.inc({ status: result }),
    onRateLimited: (limit) => metrics.githubRateLimited.inc({ limit }),
  };
}
