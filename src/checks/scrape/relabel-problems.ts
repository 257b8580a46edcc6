import { findPair } from '../../load/yaml-access.js';
import { LABEL_NAME } from '../../load/rule-document.js';
import { checkRe2 } from '../../promql/regex.js';
import type { RelabelConfig } from '../../load/scrape-fields.js';
import type { YamlNode } from '../../load/yaml-tree.js';

export interface RelabelProblem {
  node: YamlNode;
  message: string;
  fix: string;
}

const ACTIONS = ['replace', 'keep', 'drop', 'keepequal', 'dropequal', 'hashmod', 'labelmap', 'labeldrop', 'labelkeep', 'lowercase', 'uppercase'];
export const RELABEL_KEYS = ['source_labels', 'separator', 'regex', 'modulus', 'target_label', 'replacement', 'action'];
/** The values Prometheus gives unset relabel fields. */
const DEFAULT_VALUES: Readonly<Record<string, string>> = { separator: ';', regex: '(.*)', replacement: '$1', modulus: '0', target_label: '' };
const NEEDS_TARGET = new Set(['replace', 'hashmod', 'lowercase', 'uppercase', 'keepequal', 'dropequal']);
/** A target label of `replace` may contain `$1` or `${name}` references to regex groups. */
const TEMPLATED_LABEL = /^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$/;

/** Returns what Prometheus rejects in one relabel config, in the order it checks. */
export function findRelabelProblems(relabel: RelabelConfig): RelabelProblem[] {
  const problems: RelabelProblem[] = [];
  const action = relabel.action;
  const actionNode = findPair(relabel.node, 'action')?.value ?? relabel.node;
  if (!ACTIONS.includes(action)) {
    problems.push({
      node: actionNode,
      message: `Unknown relabel action \`${action}\`.`,
      fix: `Use one of ${ACTIONS.map((name) => `\`${name}\``).join(', ')}.`,
    });
    return problems;
  }

  if (relabel.regexNode !== undefined) {
    const error = checkRe2(relabel.regex).error;
    if (error !== undefined) {
      problems.push({ node: relabel.regexNode, message: `The relabel \`regex\` \`${relabel.regex}\` is not a valid RE2 regular expression: ${error.replace(/\.?$/, '.')}`, fix: 'Fix the pattern; Prometheus uses Go RE2 syntax, without lookarounds or backreferences.' });
    }
  }

  const sourceLabelsNode = findPair(relabel.node, 'source_labels')?.value;
  for (const label of relabel.sourceLabels) {
    if (!LABEL_NAME.test(label)) {
      problems.push({ node: sourceLabelsNode ?? relabel.node, message: `\`${label}\` in \`source_labels\` is not a valid label name.`, fix: 'Use letters, digits and `_` only, not starting with a digit.' });
    }
  }

  const target = relabel.targetLabel;
  if (NEEDS_TARGET.has(action) && (target === undefined || target === '')) {
    problems.push({ node: relabel.node, message: `The \`${action}\` relabel action needs a \`target_label\`.`, fix: 'Add `target_label:` with the label to write.' });
  } else if (target !== undefined && relabel.targetLabelNode !== undefined && NEEDS_TARGET.has(action)) {
    const valid = action === 'replace' ? TEMPLATED_LABEL.test(target) : LABEL_NAME.test(target);
    if (!valid) {
      problems.push({ node: relabel.targetLabelNode, message: `\`${target}\` is not a valid \`target_label\` for the \`${action}\` action.`, fix: 'Use letters, digits and `_` only, not starting with a digit.' });
    }
  }

  if (action === 'hashmod') {
    const modulus = findPair(relabel.node, 'modulus')?.value;
    const value = modulus?.kind === 'scalar' ? Number(modulus.value) : 0;
    if (!(value > 0)) {
      problems.push({ node: modulus ?? relabel.node, message: 'The `hashmod` relabel action needs a `modulus` greater than 0.', fix: 'Set `modulus:` to the number of shards, such as `modulus: 4`.' });
    }
  }

  if (action === 'labelmap' && relabel.replacementNode !== undefined && !TEMPLATED_LABEL.test(relabel.replacement)) {
    problems.push({ node: relabel.replacementNode, message: `\`${relabel.replacement}\` is not a valid \`replacement\` for the \`labelmap\` action: it must produce label names.`, fix: 'Use a replacement such as `$1` or `k8s_$1`.' });
  }

  const allowed = action === 'labeldrop' || action === 'labelkeep' ? ['regex', 'action'] : action === 'keepequal' || action === 'dropequal' ? ['source_labels', 'target_label', 'action'] : undefined;
  if (allowed !== undefined) {
    for (const pair of relabel.node.pairs) {
      const key = pair.key.kind === 'scalar' ? pair.key.value : '';
      // Prometheus only rejects values that differ from the defaults, so `separator: ";"` is accepted.
      const value = pair.value.kind === 'scalar' ? pair.value.value : undefined;
      if (value !== undefined && DEFAULT_VALUES[key] === value) continue;
      if (RELABEL_KEYS.includes(key) && !allowed.includes(key)) {
        problems.push({
          node: pair.key,
          message: `The \`${action}\` relabel action takes only ${allowed.filter((name) => name !== 'action').map((name) => `\`${name}\``).join(' and ')}, but \`${key}\` is set.`,
          fix: `Remove \`${key}\`.`,
        });
      }
    }
  }
  return problems;
}
