import { z } from 'zod';
import { defineCheck } from '../check.js';
import { keyText } from '../../load/yaml-access.js';
import type { YamlNode, YamlScalar } from '../../load/yaml-tree.js';

/** Keys that hold a secret in Prometheus' configuration, with the key that reads it from a file instead. */
const SECRET_KEYS: Readonly<Record<string, string>> = {
  password: 'password_file',
  bearer_token: 'bearer_token_file',
  credentials: 'credentials_file',
  client_secret: 'client_secret_file',
  secret_key: 'secret_key_file',
  application_credential_secret: 'application_credential_secret_file',
  auth_token: 'auth_token_file',
  token: 'token_file',
};

/** Placeholders that stand for a secret filled in elsewhere: `<secret>`, `${VAR}`, `{{ .Values.x }}`. */
const PLACEHOLDER = /^(?:<[^>]*>|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\{\{.*\}\})$/s;

export default defineCheck({
  id: 'config/plaintext-secret',
  description: 'Disallow passwords, tokens and keys written inline in a Prometheus configuration.',
  severity: 'error',
  inputs: ['scrape'],
  needsPrometheus: false,
  options: z.object({}).strict(),
  create(context) {
    return {
      scrapeDocument(document) {
        for (const { key, value } of secretValues(document.root)) {
          context.reportNode(document, value, {
            message: `\`${key}\` is written inline, so the secret is in Git, in every clone and in the history. Its value is not shown here.`,
            fix: `Move the secret to a file that is not committed and point to it with \`${SECRET_KEYS[key]}\`; then rotate the exposed secret.`,
          });
        }
      },
    };
  },
});

function* secretValues(root: YamlNode): Generator<{ key: string; value: YamlScalar }> {
  const stack: YamlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'seq') {
      for (let index = node.items.length - 1; index >= 0; index--) stack.push(node.items[index]!);
      continue;
    }
    if (node.kind !== 'map') continue;
    for (let index = node.pairs.length - 1; index >= 0; index--) {
      const pair = node.pairs[index]!;
      const key = keyText(pair);
      if (key !== undefined && key in SECRET_KEYS && pair.value.kind === 'scalar') {
        const text = pair.value.value.trim();
        if (text !== '' && text !== '~' && text !== 'null' && !PLACEHOLDER.test(text)) yield { key, value: pair.value };
        continue;
      }
      stack.push(pair.value);
    }
  }
}
