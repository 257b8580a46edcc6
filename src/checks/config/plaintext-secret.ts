import * as z from 'zod';
import { defineCheck } from '../check.js';
import { keyText } from '../../load/yaml-access.js';
import type { YamlNode, YamlScalar } from '../../load/yaml-tree.js';

/**
 * Keys that hold a secret in Prometheus' configuration, with the way to keep
 * it out of the file: the `*_file` key where Prometheus has one.
 */
const SECRET_KEYS: Readonly<Record<string, string>> = {
  password: 'Move it to a file that is not committed and point to it with `password_file`',
  bearer_token: 'Move it to a file that is not committed and point to it with `bearer_token_file`, or use `authorization.credentials_file`',
  credentials: 'Move it to a file that is not committed and point to it with `credentials_file`',
  client_secret: 'Move it to a file that is not committed and point to it with `client_secret_file`',
  auth_token: 'Move it to a file that is not committed and point to it with `auth_token_file`',
  secret_key: 'Remove it and let Prometheus use the instance role or the environment (`role_arn`, `AWS_SECRET_ACCESS_KEY`), or render the configuration from a secret store at deploy time',
  application_credential_secret: 'Render the configuration from a secret store at deploy time instead of committing it',
  token: 'Render the configuration from a secret store at deploy time instead of committing it',
};

/** Placeholders that stand for a secret filled in elsewhere: `<secret>`, `${VAR}`, `{{ .Values.x }}`. */
const PLACEHOLDER = /^(?:<[^>]*>|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\{\{.*\}\})$/s;

export default defineCheck({
  id: 'config/plaintext-secret',
  description: 'Disallow passwords, tokens and keys written inline in a Prometheus configuration.',
  severity: 'error',
  inputs: ['scrape'],
  options: z.object({}).strict(),
  create(context) {
    return {
      scrapeDocument(document) {
        for (const { key, value } of secretValues(document.root)) {
          context.reportNode(document, value, {
            message: `\`${key}\` is written inline, so the secret is in Git, in every clone and in the history. Its value is not shown here.`,
            fix: `${SECRET_KEYS[key]}; then rotate the exposed secret, which stays in the Git history.`,
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
