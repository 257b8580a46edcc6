// SLI queries are Go templates with one variable, the range window:
// `rate(http_requests_total[{{.window}}])`. Sloth and OpenSLO specs both
// write it this way. Go allows spaces inside the braces.

const WINDOW_ACTION = /\{\{\s*\.window\s*\}\}/g;
const ANY_ACTION = /\{\{[\s\S]*?\}\}/g;

export interface FilledQuery {
  text: string;
  /** Maps an index of `text` back to the template. An index inside a filled-in window maps to its placeholder's first character. */
  templateIndex(index: number): number;
}

/** Replaces every `{{.window}}` of a query template with a duration such as `5m`. */
export function fillWindow(template: string, window: string): FilledQuery {
  // Each placeholder is recorded as [start in the output, start in the template, length in the template].
  const placeholders: [number, number, number][] = [];
  let text = '';
  let copied = 0;
  for (const match of template.matchAll(WINDOW_ACTION)) {
    text += template.slice(copied, match.index);
    placeholders.push([text.length, match.index, match[0].length]);
    text += window;
    copied = match.index + match[0].length;
  }
  text += template.slice(copied);

  return {
    text,
    templateIndex(index) {
      let shift = 0;
      for (const [outputStart, templateStart, length] of placeholders) {
        if (index < outputStart) break;
        if (index < outputStart + window.length) return templateStart;
        shift += length - window.length;
      }
      return index + shift;
    },
  };
}

export function hasWindowPlaceholder(template: string): boolean {
  return template.search(WINDOW_ACTION) !== -1;
}

/** Returns template actions other than `{{.window}}`, such as a misspelt `{{.Window}}`, with their template offsets. */
export function unknownTemplateActions(template: string): { text: string; start: number; end: number }[] {
  const found: { text: string; start: number; end: number }[] = [];
  for (const match of template.matchAll(ANY_ACTION)) {
    if (new RegExp(`^${WINDOW_ACTION.source}$`).test(match[0])) continue;
    found.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found;
}
