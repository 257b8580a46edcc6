import { formatGeneratedHeader } from './generated-header.js';
import { resolveGenerationDefaults } from './generation-options.js';
import { writeRuleFile } from './rule-file-writer.js';
import { alertGroup } from './slo-alert-rules.js';
import { metaRecordingGroup, sliRecordingGroup } from './slo-recording-rules.js';
import { createSloRuleContext } from './slo-rule-context.js';
import type { SloGenerationOptions } from './generation-options.js';
import type { RuleGroupText } from './rule-file-writer.js';
import type { SloSpec } from './slo-spec.js';

/**
 * Generates the Prometheus rule file of one spec file: for each SLO, the
 * error-ratio recording rules, the objective, budget and burn-rate series,
 * and the multi-window, multi-burn-rate page and ticket alerts. The same
 * specs and options always give the same bytes.
 *
 * Pass the specs of a file as read, in document order. Validate them first:
 * the generator trusts the objectives and queries it is given.
 */
export function generateSloRules(specs: SloSpec | readonly SloSpec[], options: SloGenerationOptions): string {
  const defaults = resolveGenerationDefaults(options);
  const header = formatGeneratedHeader({ specPath: options.specPath, specSha256: options.specSha256 });

  const groups: RuleGroupText[] = [];
  for (const spec of Array.isArray(specs) ? specs : [specs]) {
    for (const slo of spec.slos) {
      const context = createSloRuleContext(spec, slo, defaults);
      groups.push(sliRecordingGroup(context), metaRecordingGroup(context));
      const alerts = alertGroup(context);
      if (alerts !== undefined) groups.push(alerts);
    }
  }
  return writeRuleFile([header], groups);
}
