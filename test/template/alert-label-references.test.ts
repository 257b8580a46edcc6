import { describe, expect, it } from 'vitest';
import { findLabelReferences } from '../../src/template/alert-label-references.js';
import { parseAlertTemplate } from '../../src/template/prometheus-template.js';

/** Each template with the references found, as `source label "text"`. */
const CASES: [template: string, references: string[]][] = [
  ['{{ $labels.instance }}', ['labels instance "$labels.instance"']],
  ['{{ $labels.instance.more }}', ['labels instance "$labels.instance"']],
  ['{{ .Labels.job }}{{ $.Labels.env }}', ['labels job ".Labels.job"', 'labels env "$.Labels.env"']],
  ['{{ index $labels "pod" }}', ['labels pod "index $labels "pod""']],
  ['{{ if eq (index .Labels "pod") "x" }}{{ end }}', ['labels pod "index .Labels "pod""']],
  ['{{ $externalLabels.cluster }}{{ .ExternalLabels.region }}', ['externalLabels cluster "$externalLabels.cluster"', 'externalLabels region ".ExternalLabels.region"']],
  ['{{ range query "up" }}{{ .Labels.instance }}{{ $labels.job }}{{ $.Labels.env }}{{ end }}', ['labels job "$labels.job"', 'labels env "$.Labels.env"']],
  ['{{ with $labels }}{{ .instance }}{{ else }}{{ .Labels.job }}{{ end }}', ['labels job ".Labels.job"']],
  ['{{ $labels := query "up" }}{{ $labels.instance }}', []],
  ['{{ $labels.job }}{{ $labels = 1 }}', []],
  ['{{ define "d" }}{{ .Labels.job }}{{ index .Labels "x" }}{{ end }}', []],
  ['{{ $labels }}{{ .Labels }}{{ index $labels }}{{ index $labels $value }}', []],
  ['{{ $value }}{{ .Value }}', []],
];

describe('findLabelReferences', () => {
  it.each(CASES)('%j', (template, expected) => {
    const parsed = parseAlertTemplate(template, 'A');
    expect(parsed.error).toBeUndefined();
    const references = findLabelReferences(template, parsed);
    expect(references.map((reference) => `${reference.source} ${reference.label} "${reference.text}"`)).toEqual(expected);
    for (const reference of references) expect(template.slice(reference.start, reference.end)).toBe(reference.text);
  });
});
