import picomatch from 'picomatch';
import * as z from 'zod';
import { defineCheck } from '../check.js';
import { findChecklistItem, parseChecklist } from './checklist-items.js';

/** Files that hold monitoring, whatever the service: rule files, SLO specs, dashboards. */
const MONITORING_FILE = /\.(?:ya?ml|rules|json)$/;

export default defineCheck({
  id: 'dod/monitoring',
  description: "Require a change to a service's code to update its monitoring, or to say why not.",
  severity: 'warning',
  inputs: ['pull-request'],
  options: z
    .object({
      /** Pull request labels that mark the change as needing no monitoring. */
      waiver_labels: z.array(z.string().min(1)),
      /** Words of the description checklist item that, ticked, waives the requirement. */
      waiver_item: z.string().min(1),
    })
    .strict(),
  create(context) {
    const services = Object.entries(context.policy.services ?? {}).filter(([, settings]) => (settings.paths ?? []).length > 0);
    return {
      pullRequest(change) {
        if (services.length === 0) return;
        if (change.labels?.some((label) => context.options.waiver_labels.includes(label)) === true) return;
        if (change.body !== undefined && findChecklistItem(parseChecklist(change.body), context.options.waiver_item)?.state === 'ticked') return;

        for (const [name, settings] of services) {
          const isCode = picomatch(settings.paths ?? []);
          const code = change.changedFiles.filter((path) => isCode(path));
          if (code.length === 0) continue;
          const isMonitoring = (settings.monitoring ?? []).length > 0 ? picomatch(settings.monitoring ?? []) : undefined;
          const touched = change.changedFiles.some((path) => !isCode(path) && (isMonitoring === undefined ? mentionsService(context.repository.file(path)?.source.text, path, name, settings.job) : isMonitoring(path)));
          if (touched) continue;
          const shown = code.slice(0, 3).map((path) => `\`${path}\``).join(', ');
          context.reportPullRequest({
            message: `This change modifies the code of service \`${name}\` (${shown}${code.length > 3 ? ` and ${code.length - 3} more` : ''}) but none of its monitoring: no rule file, SLO spec or dashboard of \`${name}\` changed. Monitoring is part of the definition of done.`,
            fix: `Update the rules, SLO spec or dashboard of \`${name}\` with the change, or, if it needs none, add the label ${context.options.waiver_labels.map((label) => `\`${label}\``).join(' or ')} or tick "${context.options.waiver_item}" in the description.`,
          });
        }
      },
    };
  },
});

/** Returns whether a changed monitoring file belongs to a service: its path or its content names the service or its job. */
function mentionsService(text: string | undefined, path: string, name: string, job: string | undefined): boolean {
  if (!MONITORING_FILE.test(path)) return false;
  if (path.includes(name)) return true;
  if (text === undefined) return false;
  return text.includes(`"${job ?? name}"`) || new RegExp(`\\bservice:\\s*["']?${escape(name)}\\b`).test(text);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
