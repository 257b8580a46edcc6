import type { Command, Operand, Pipeline, TemplateNode, TemplateParseResult } from './template-ast.js';

/** A label of the firing series, or an external label, that an alert template reads. */
export interface LabelReference {
  /** `labels` for `$labels` and `.Labels`; `externalLabels` for `$externalLabels` and `.ExternalLabels`. */
  source: 'labels' | 'externalLabels';
  label: string;
  /** The template text that reads it, such as `$labels.instance` or `index $labels "instance"`. */
  text: string;
  start: number;
  end: number;
}

const DATA_FIELDS: Readonly<Record<string, LabelReference['source']>> = { Labels: 'labels', ExternalLabels: 'externalLabels' };
const MAP_VARIABLES: Readonly<Record<string, LabelReference['source']>> = { $labels: 'labels', $externalLabels: 'externalLabels' };

/**
 * Finds the labels an alert template reads from the alert's data: `$labels.x`,
 * `$.Labels.x`, `.Labels.x` where dot is still the data, and `index $labels "x"`,
 * with the same forms for external labels. A predefined variable that the
 * template assigns anew is skipped, because its uses may read something else.
 */
export function findLabelReferences(text: string, parsed: TemplateParseResult): LabelReference[] {
  const references: LabelReference[] = [];
  for (const operand of parsed.references) {
    const map = labelMapOf(operand);
    if (map === undefined || map.fields.length === 0) continue;
    const label = map.fields[0]!;
    references.push({ source: map.source, label: label.name, text: text.slice(operand.start, label.end), start: operand.start, end: label.end });
  }
  for (const command of commandsOf(parsed.root)) {
    const [callee, mapOperand, key] = command.args;
    if (callee?.type !== 'identifier' || callee.name !== 'index' || command.args.length !== 3) continue;
    const map = mapOperand === undefined ? undefined : labelMapOf(mapOperand);
    if (map === undefined || map.fields.length > 0 || key?.type !== 'string' || key.value === undefined) continue;
    references.push({ source: map.source, label: key.value, text: text.slice(command.start, command.end), start: command.start, end: command.end });
  }
  return references.sort((left, right) => left.start - right.start);
}

/** Returns which label map an operand reads, with the fields after the map, or undefined for other operands. */
function labelMapOf(operand: Operand): { source: LabelReference['source']; fields: { name: string; end: number }[] } | undefined {
  if (operand.type === 'variable') {
    const declaration = operand.declaration;
    if (!declaration.predefined || declaration.reassigned) return undefined;
    const source = MAP_VARIABLES[operand.name];
    if (source !== undefined) return { source, fields: operand.fields };
    const field = operand.fields[0];
    const dataSource = field === undefined ? undefined : DATA_FIELDS[field.name];
    if (operand.name === '$' && dataSource !== undefined) return { source: dataSource, fields: operand.fields.slice(1) };
    return undefined;
  }
  if (operand.type === 'field' && operand.dotIsData) {
    const source = DATA_FIELDS[operand.fields[0]!.name];
    if (source !== undefined) return { source, fields: operand.fields.slice(1) };
  }
  return undefined;
}

function* commandsOf(nodes: readonly TemplateNode[]): Generator<Command> {
  for (const node of nodes) {
    switch (node.type) {
      case 'action':
        yield* pipelineCommands(node.pipeline);
        break;
      case 'if':
      case 'range':
      case 'with':
        yield* pipelineCommands(node.pipeline);
        yield* commandsOf(node.list);
        yield* commandsOf(node.elseList ?? []);
        break;
      case 'template':
        if (node.pipeline !== undefined) yield* pipelineCommands(node.pipeline);
        break;
    }
  }
}

function* pipelineCommands(pipeline: Pipeline): Generator<Command> {
  for (const command of pipeline.commands) {
    yield command;
    for (const argument of command.args) {
      if (argument.type === 'pipeline') yield* pipelineCommands(argument.pipeline);
      if (argument.type === 'chain' && argument.operand.type === 'pipeline') yield* pipelineCommands(argument.operand.pipeline);
    }
  }
}
