import picomatch from 'picomatch';
import type { Policy } from './types.js';

interface Matchers {
  include: (path: string) => boolean;
  exclude: (path: string) => boolean;
}

const cache = new WeakMap<Policy, Matchers>();

/**
 * Returns whether the policy lints a file: it matches an `include` glob and no
 * `exclude` glob. `relativePath` is relative to the repository root, with `/`
 * separators and no leading `./`. Globs match dotfiles too, so `**` covers
 * `.github/`.
 */
export function matchesPolicyGlobs(policy: Policy, relativePath: string): boolean {
  const matchers = getMatchers(policy);
  return matchers.include(relativePath) && !matchers.exclude(relativePath);
}

/** Returns whether an `exclude` glob matches the file, whatever the `include` globs are. */
export function isExcludedByPolicy(policy: Policy, relativePath: string): boolean {
  return getMatchers(policy).exclude(relativePath);
}

function getMatchers(policy: Policy): Matchers {
  let matchers = cache.get(policy);
  if (matchers === undefined) {
    matchers = { include: compile(policy.include), exclude: compile(policy.exclude) };
    cache.set(policy, matchers);
  }
  return matchers;
}

function compile(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  return picomatch([...globs], { dot: true });
}
