import * as z from 'zod';
import { defineCheck } from '../check.js';
import { compileNamePatterns } from '../name-patterns.js';
import { sloDefaults } from './policy-defaults.js';
import { readFileSpecs } from './spec-documents.js';
import { classifySignals, selectsService } from './signals.js';
import type { CheckContext } from '../check.js';
import type { MonitoringFile, ScrapeJob } from '../../load/model.js';
import type { ServiceMatch, Signal } from './signals.js';
import type { YamlNode } from '../../load/yaml-tree.js';
import type { Slo } from '../../slo/slo-spec.js';

interface Service {
  name: string;
  match: ServiceMatch;
  /** The scrape job or spec that names the service, where the finding goes; undefined for a service only the policy names. */
  location: { file: MonitoringFile; node: YamlNode; job?: ScrapeJob } | undefined;
  hasSpec: boolean;
  /** Whether one of the service's SLOs is about latency, which then counts as its latency signal. */
  hasLatencySlo: boolean;
}

const SIGNAL_NAMES: Record<Signal | 'slo-alert', string> = {
  'request-rate': 'a request rate recording rule',
  'error-ratio': 'an error ratio recording rule',
  latency: 'a latency percentile recording rule',
  'slo-alert': 'an SLO-based alert',
};

export default defineCheck({
  id: 'slo/coverage',
  description: 'Require every service to record its golden signals and to have an SLO-based alert.',
  severity: 'warning',
  inputs: ['rules', 'scrape', 'slo'],
  options: z
    .object({
      /** Glob patterns of scrape job names of infrastructure exporters, which are not services. */
      infrastructure_jobs: z.array(z.string().min(1)),
    })
    .strict(),
  create(context) {
    return {
      end() {
        const services = findServices(context);
        if (services.length === 0) return;
        const rules = context.repository.rules;
        for (const service of services) {
          const found = new Set<Signal | 'slo-alert'>();
          const serviceRecords = new Set<string>();
          for (const rule of rules) {
            const { expr } = context.expression(rule);
            if (expr === undefined || rule.kind !== 'recording' || !selectsService(expr, service.match)) continue;
            serviceRecords.add(rule.name);
            for (const signal of classifySignals(rule.name, expr)) found.add(signal);
          }
          for (const rule of rules) {
            const { expr } = context.expression(rule);
            if (expr === undefined || rule.kind !== 'alerting') continue;
            if (!selectsService(expr, service.match, serviceRecords)) continue;
            if (classifySignals(rule.name, expr, serviceRecords, rules).has('error-ratio')) found.add('slo-alert');
          }
          if (service.hasSpec) {
            found.add('error-ratio');
            found.add('slo-alert');
          }
          if (service.hasLatencySlo) found.add('latency');
          const missing = (['request-rate', 'error-ratio', 'latency', 'slo-alert'] as const).filter((signal) => !found.has(signal));
          // A service only the policy names has no job or spec in the linted files, so there is nothing to hold the finding.
          if (missing.length === 0 || service.location === undefined) continue;
          report(context, service, missing);
        }
      },
    };
  },
});

function report(context: CheckContext<{ infrastructure_jobs: string[] }>, service: Service, missing: readonly (Signal | 'slo-alert')[]): void {
  const names = missing.map((signal) => SIGNAL_NAMES[signal]);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const selector = service.match.selector ?? `job="${service.match.job}"`;
  const message = `Service \`${service.name}\` lacks ${list} for \`${selector}\`, so its traffic, errors and latency are not tracked as the golden signals ask.`;
  const fix = `Write an SLO spec for it and generate its rules with \`promgate generate slo\`, and record its signals: \`promgate generate service ${service.name} --type api --job ${service.match.job ?? service.name}\` writes a starting set.`;
  if (service.location !== undefined) context.reportNode(service.location.job ?? service.location.file, service.location.node, { message, fix });
}

function findServices(context: CheckContext<{ infrastructure_jobs: string[] }>): Service[] {
  const patterns = context.options.infrastructure_jobs;
  const isInfrastructure = compileNamePatterns(patterns);
  const byName = new Map<string, Service>();
  const policyServices = context.policy.services ?? {};

  for (const [name, settings] of Object.entries(policyServices)) {
    byName.set(name, { name, match: settings.selector === undefined ? { job: settings.job ?? name } : { selector: settings.selector }, location: undefined, hasSpec: false, hasLatencySlo: false });
  }
  const jobOwners = new Map(Object.entries(policyServices).map(([name, settings]) => [settings.job ?? name, name]));

  for (const job of context.repository.scrapeJobs) {
    if (job.name === '' || job.nameNode === undefined || isInfrastructure(job.name)) continue;
    const name = jobOwners.get(job.name) ?? job.name;
    const service = byName.get(name);
    if (service === undefined) byName.set(name, { name, match: { job: job.name }, location: { file: job.document.file, node: job.nameNode, job }, hasSpec: false, hasLatencySlo: false });
    else service.location ??= { file: job.document.file, node: job.nameNode, job };
  }

  const period = sloDefaults(context.policy).period;
  for (const file of context.repository.files) {
    if (!file.documents.some((document) => document.kind === 'slo')) continue;
    for (const spec of readFileSpecs(file, period).specs) {
      const name = spec.service.value;
      const node = spec.service.node;
      const latency = spec.slos.some(isLatencySlo);
      let service = byName.get(name);
      if (service === undefined) {
        const settings = policyServices[name];
        service = { name, match: settings?.selector === undefined ? { job: settings?.job ?? name } : { selector: settings.selector }, location: { file, node }, hasSpec: true, hasLatencySlo: false };
        byName.set(name, service);
      }
      service.hasSpec = true;
      service.hasLatencySlo ||= latency;
      service.location ??= { file, node };
    }
  }
  return [...byName.values()].sort((left, right) => left.name.localeCompare(right.name));
}

/** Tells whether an SLO is about latency: its name contains `latency` or `duration`, or its queries read `_bucket` series or match on `le`. */
function isLatencySlo(slo: Slo): boolean {
  const queries = slo.sli.kind === 'events' ? [slo.sli.error, slo.sli.total] : slo.sli.kind === 'good-total' ? [slo.sli.good, slo.sli.total] : [slo.sli.errorRatio];
  return /latency|duration/i.test(slo.name.value) || queries.some((query) => /_bucket\b|\ble\s*=/.test(query.template));
}
