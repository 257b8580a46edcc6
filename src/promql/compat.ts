// Differences from promtool 2.42 that promgate accepts on purpose.
//
// promgate follows current Prometheus (3.x) for stable syntax and functions,
// while the reference binary in CI is promtool 2.42. Every construct below is
// valid in current Prometheus but rejected by promtool 2.42. The parser
// reports each use as a `newer-feature` note whose `feature` is the entry's
// name, and the promtool agreement test skips expressions whose
// disagreement these notes explain. docs/promql-compatibility.md explains
// each entry.

export type CompatFeatureKind = 'function' | 'syntax';

export interface CompatFeature {
  name: string;
  kind: CompatFeatureKind;
  /** First Prometheus release with the feature, or `3.x` where the exact release was not checked. */
  since: string;
  reason: string;
}

export const COMPAT_FEATURES: readonly CompatFeature[] = Object.freeze([
  {
    name: 'histogram_stddev',
    kind: 'function',
    since: '2.47',
    reason: 'Stable native-histogram function that current Prometheus documents without a feature flag.',
  },
  {
    name: 'histogram_stdvar',
    kind: 'function',
    since: '2.47',
    reason: 'Stable native-histogram function that current Prometheus documents without a feature flag.',
  },
  {
    name: 'histogram_avg',
    kind: 'function',
    since: '2.51',
    reason: 'Stable native-histogram function that current Prometheus documents without a feature flag.',
  },
  {
    name: 'number-as-duration',
    kind: 'syntax',
    since: '2.54',
    reason: 'A plain number of seconds is accepted where a duration is expected, as in `rate(x[300])` or `x offset 60`.',
  },
  {
    name: 'duration-as-number',
    kind: 'syntax',
    since: '2.54',
    reason: 'A duration is accepted where a number is expected and means seconds, as in `time() - 5m` or `x @ 1h`.',
  },
  {
    name: 'signed-durations',
    kind: 'syntax',
    since: '3.x',
    reason: 'Prometheus 3 accepts a `+` sign and repeated signs on durations, as in `x[+5m]` or `x offset +5m`; promtool 2.42 accepts only one `-` after `offset`.',
  },
  {
    name: 'zero-offset',
    kind: 'syntax',
    since: '3.x',
    reason: 'Prometheus 3 accepts `offset 0s`; promtool 2.42 reports that the duration must be greater than 0.',
  },
  {
    name: 'number-underscores',
    kind: 'syntax',
    since: '3.x',
    reason: 'The Prometheus 3 lexer accepts underscores between digits, as in `1_000_000` or `0x_ff`.',
  },
  {
    name: 'utf8-quoted-names',
    kind: 'syntax',
    since: '3.0',
    reason: 'Prometheus 3 accepts quoted metric and label names for UTF-8 names, as in `{"http.requests", "le"="0.5"}` and `sum by ("k8s.pod") (x)`.',
  },
  {
    name: 'histogram-trim-operators',
    kind: 'syntax',
    since: '3.x',
    reason: 'The native-histogram trim operators `</` and `>/` are documented operators of current Prometheus.',
  },
  {
    name: 'regex-angle-named-groups',
    kind: 'syntax',
    since: '3.0',
    reason: 'Go 1.22 and later, which build Prometheus 3, accept `(?<name>re)` in regular expressions; promtool 2.42 was built with Go 1.19.',
  },
]);

const FEATURES_BY_NAME: ReadonlyMap<string, CompatFeature> = new Map(
  COMPAT_FEATURES.map((feature) => [feature.name, feature]),
);

export function getCompatFeature(name: string): CompatFeature | undefined {
  return FEATURES_BY_NAME.get(name);
}
