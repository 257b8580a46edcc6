import { isPlainObject } from './policy-yaml.js';

/**
 * Overlays `override` on `base` key by key: mappings merge recursively, and
 * any other value, lists included, replaces the base value whole.
 */
export function mergeValues(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  // A null prototype keeps a `__proto__` key in a policy an ordinary key.
  const merged: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, base);
  for (const [key, value] of Object.entries(override)) {
    merged[key] = Object.hasOwn(base, key) ? mergeValues(base[key], value) : value;
  }
  return merged;
}
