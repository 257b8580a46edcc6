export type KeyPath = readonly (string | number)[];

/** Writes a key path the way the docs do: `checks.labels/env.allowed_values[1]`. */
export function formatKeyPath(path: KeyPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}
