import * as z from 'zod';
import { defineCheck } from '../check.js';
import { sloDefaults } from './policy-defaults.js';
import { checkGeneratedRules } from '../../slo/check-generated-rules.js';
import { parseGeneratedHeader } from '../../slo/generated-header.js';
import { truncate } from '../../load/schema-problems.js';

const REGENERATE = 'Comment `/promgate regenerate` on the pull request, or run `promgate generate slo SPEC` and commit the result.';

export default defineCheck({
  id: 'slo/generated-stale',
  description: 'Require rule files generated from SLO specs to match their spec.',
  severity: 'error',
  inputs: ['rules', 'slo'],
  options: z.object({}).strict(),
  create(context) {
    const defaults = sloDefaults(context.policy);
    return {
      file(file) {
        const header = parseGeneratedHeader(file.source.text);
        if (header === undefined) return;
        const firstLine = file.source.text.split('\n', 1)[0] ?? '';
        const spec = context.repository.file(header.specPath);
        if (spec === undefined) {
          context.reportRange(file, 0, firstLine.length, {
            message: `These rules were generated from \`${header.specPath}\`, which is not among the linted files, so promgate cannot tell whether they are up to date.`,
            fix: `Lint the folder that contains \`${header.specPath}\` too, or delete this file if its SLOs were removed.`,
            severity: 'info',
          });
          return;
        }

        const status = checkGeneratedRules({ ruleText: file.source.text, specText: spec.source.text, defaults });
        if (status.state === 'spec-changed') {
          // The spec is what changed, so the finding sits there, where a review of the change looks.
          const root = spec.documents.find((document) => document.kind === 'slo')?.yaml.root;
          context.reportRange(spec, root?.start ?? 0, root === undefined ? 0 : Math.min(root.end, spec.source.lineStart(2) - 1), {
            message: `\`${file.path}\` was generated from an earlier version of this spec (sha256 \`${header.specSha256.slice(0, 12)}…\`, now \`${status.specSha256.slice(0, 12)}…\`), so its rules and alerts no longer match it.`,
            fix: REGENERATE,
            // The whole spec counts: a change to its objective, lines below the finding, is what made the rules stale.
            related: [
              ...(root === undefined ? [] : [{ file: spec, node: root }]),
              ...(file.documents[0]?.yaml.root === undefined ? [] : [{ file, node: file.documents[0].yaml.root }]),
            ],
          });
        } else if (status.state === 'hand-edited') {
          const line = status.actual === undefined ? Math.max(1, status.line - 1) : status.line;
          const start = file.source.lineStart(line);
          const end = file.source.text.indexOf('\n', start);
          const expected = status.expected === undefined ? 'the end of the file' : `\`${truncate(status.expected.trim())}\``;
          context.reportRange(file, start, end === -1 ? file.source.text.length : end, {
            message: `Line ${status.line} differs from what \`${header.specPath}\` generates (expected ${expected}): the file was edited by hand or generated with other SLO settings, and regenerating it will undo the difference.`,
            fix: `Make the change in \`${header.specPath}\` or in the policy's \`slo\` settings instead. ${REGENERATE}`,
          });
        }
      },
    };
  },
});
