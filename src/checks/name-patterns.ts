import picomatch from 'picomatch';

/**
 * Compiles a policy list of glob patterns, such as `node_vmstat_*`, into a
 * test for metric, job or path names. An empty list matches nothing.
 */
export function compileNamePatterns(patterns: readonly string[]): (name: string) => boolean {
  return patterns.length > 0 ? picomatch([...patterns]) : () => false;
}
