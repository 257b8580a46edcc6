import * as z from 'zod';
import { defineCheck } from '../check.js';
import { walk } from '../../promql/walk.js';

/** Characters with a meaning in RE2 patterns. */
const METACHARACTERS = /[\\.+*?()|[\]{}^$]/;

export default defineCheck({
  id: 'promql/regexp',
  description: 'Disallow regular expression matchers that could be equality matchers, and redundant anchors.',
  severity: 'info',
  inputs: ['rules'],
  options: z.object({}).strict(),
  create(context) {
    return {
      rule(rule) {
        const { expr } = context.expression(rule);
        if (expr === undefined) return;
        walk(expr, (node) => {
          if (node.type !== 'VectorSelector') return;
          for (const matcher of node.matchers) {
            if (matcher.op !== '=~' && matcher.op !== '!~') continue;
            const equality = matcher.op === '=~' ? '=' : '!=';
            if (!METACHARACTERS.test(matcher.value)) {
              context.reportExpression(rule, matcher.start, matcher.end, {
                message: `The matcher \`${matcher.name}${matcher.op}"${matcher.value}"\` has no regular expression syntax, so it matches one exact value; written as a regex, it reads as a pattern and misleads whoever extends it.`,
                fix: `Write \`${matcher.name}${equality}"${matcher.value}"\`.`,
              });
            } else if (matcher.value.startsWith('^') || (matcher.value.endsWith('$') && !matcher.value.endsWith('\\$'))) {
              context.reportExpression(rule, matcher.start, matcher.end, {
                message: `The matcher \`${matcher.name}${matcher.op}"${matcher.value}"\` has \`^\` or \`$\` anchors, which are redundant: Prometheus anchors every label regex at both ends.`,
                fix: 'Remove the `^` and `$` anchors.',
              });
            }
          }
        });
      },
    };
  },
});
