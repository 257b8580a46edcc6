// A parser for Go's text/template language, written from its documented
// grammar and checked against Go's behaviour through promtool. It follows
// the structure of Go's parser closely so that it accepts and rejects the
// same texts and stops at the same first error: templates are parsed only
// to be checked, never executed.

import { checkGoChar, unquoteGoString } from '../go-quote.js';
import { checkGoNumber } from './go-number.js';
import { goQuote, lexTemplate } from './lex-template.js';
import { TemplateScope } from './template-scope.js';
import { TokenStream, describeItem, isItem } from './template-tokens.js';
import type { TemplateItem } from './lex-template.js';
import type {
  BranchNode,
  Command,
  FieldName,
  FieldOperand,
  IdentifierOperand,
  LoopControlNode,
  Operand,
  Pipeline,
  TemplateCallNode,
  TemplateError,
  TemplateNode,
  TemplateParseResult,
  VariableDeclaration,
  VariableOperand,
} from './template-ast.js';

export interface TemplateParseOptions {
  /** Names a template may call; Go rejects any other function at parse time. */
  functions: ReadonlySet<string>;
  /** Variables the main template starts with, besides `$`, as if declared before the text. */
  variables?: readonly string[];
  /** The main template's name, which a non-empty `{{define}}` of the same name may not reuse. */
  name?: string;
  /** Functions to list in `newerFeatures` when used. */
  newerFunctions?: ReadonlySet<string>;
  /** Accept `{{else with ...}}`, which Go accepts from 1.23 on; each use is listed in `newerFeatures`. */
  elseWith?: boolean;
}

/**
 * The deepest nesting of control structures, definitions and parentheses
 * read. Go sets no limit; this one keeps the recursive descent well inside
 * Node's default stack.
 */
export const MAX_TEMPLATE_NESTING = 1000;

/** Thrown inside the parser to stop at the first error, as Go's parser does. */
class ParseStop {
  constructor(readonly error: TemplateError) {}
}

/** `{{end}}` or `{{else}}`, which end the list of a control structure. */
interface ListEnd {
  type: 'end' | 'else';
  start: number;
  end: number;
  /** `if` or `with` when the else is `{{else if ...}}` or `{{else with ...}}`; that keyword is left unread. */
  pending?: 'if' | 'with';
}

interface TreeState {
  scope: TemplateScope;
  rangeDepth: number;
  dotIsData: boolean;
}

/** Parses a template and returns its first error in `error`, so a syntax error does not throw. */
export function parseTemplate(text: string, options: TemplateParseOptions): TemplateParseResult {
  const parser = new TemplateParser(text, options);
  return parser.run();
}

class TemplateParser {
  private readonly tokens: TokenStream;
  private readonly options: TemplateParseOptions;
  private readonly text: string;
  private tree: TreeState;
  private depth = 0;
  /** Offset of the `{{` of the action being read at the outermost level, or undefined between actions. */
  private actionStart: number | undefined;
  private readonly openControls: { keyword: string; start: number; end: number }[] = [];
  /** Whether each template name defined so far has an empty body. */
  private readonly treeBodies = new Map<string, boolean>();
  private readonly result: TemplateParseResult = { root: [], definitions: [], references: [], calls: [], error: undefined, newerFeatures: [] };

  constructor(text: string, options: TemplateParseOptions) {
    this.tokens = new TokenStream(lexTemplate(text));
    this.options = options;
    this.text = text;
    this.tree = { scope: new TemplateScope(true, options.variables), rangeDepth: 0, dotIsData: true };
  }

  run(): TemplateParseResult {
    try {
      this.parseMain();
    } catch (caught) {
      if (caught instanceof ParseStop) this.result.error = caught.error;
      else if (caught instanceof RangeError) this.result.error = this.limitError(0, this.text.length);
      else throw caught;
    }
    return this.result;
  }

  private parseMain(): void {
    while (this.tokens.peek().type !== 'eof') {
      if (this.tokens.peek().type === 'leftDelim') {
        const before = this.tokens.position;
        const delim = this.tokens.next();
        if (this.tokens.nextNonSpace().type === 'define') {
          this.parseDefinition(delim);
          continue;
        }
        this.tokens.rewind(before);
      }
      const node = this.textOrAction();
      if (isListEnd(node)) this.fail(`unexpected ${describeListEnd(node)}`, node.start, node.end);
      this.result.root.push(node);
    }
    // The caller's predefined variables stand for actions before the text, so the main template is never empty then.
    const mainIsEmpty = (this.options.variables ?? []).length === 0 && isEmptyList(this.text, this.result.root);
    if (this.options.name !== undefined) this.addTree(this.options.name, mainIsEmpty, 0, 0);
  }

  private parseDefinition(delim: TemplateItem): void {
    const context = 'define clause';
    const nameItem = this.tokens.nextNonSpace();
    if (!isItem(nameItem, 'string', 'rawString')) this.unexpected(nameItem, context);
    const name = this.unquote(nameItem);
    const close = this.expect('rightDelim', context);

    const outer = this.enterTree();
    const { list, end } = this.nestedList({ keyword: 'define', start: delim.start, end: close.end });
    if (end.type !== 'end') this.fail(`unexpected ${describeListEnd(end)} in ${context}`, end.start, end.end);
    this.addTree(name, isEmptyList(this.text, list), nameItem.start, nameItem.end);
    this.tree = outer;
    this.result.definitions.push({ name, kind: 'define', start: delim.start, end: end.end, list });
  }

  /** Starts the separate tree of a `{{define}}` or `{{block}}` body, where only `$` is declared. */
  private enterTree(): TreeState {
    const outer = this.tree;
    this.tree = { scope: new TemplateScope(false), rangeDepth: 0, dotIsData: false };
    return outer;
  }

  private addTree(name: string, empty: boolean, start: number, end: number): void {
    const existingIsEmpty = this.treeBodies.get(name);
    if (existingIsEmpty === undefined || existingIsEmpty) {
      this.treeBodies.set(name, empty);
      return;
    }
    if (!empty) this.fail(`template: multiple definition of template ${goQuote(name)}`, start, end);
  }

  /** Reads nodes up to `{{end}}` or `{{else}}`, counting one level of nesting. */
  private nestedList(opener: { keyword: string; start: number; end: number }): { list: TemplateNode[]; end: ListEnd } {
    this.depth++;
    if (this.depth > MAX_TEMPLATE_NESTING) throw new ParseStop(this.limitError(opener.start, opener.end));
    this.openControls.push(opener);
    const result = this.itemList();
    this.openControls.pop();
    this.depth--;
    return result;
  }

  private itemList(): { list: TemplateNode[]; end: ListEnd } {
    const list: TemplateNode[] = [];
    while (this.tokens.peekNonSpace().type !== 'eof') {
      const node = this.textOrAction();
      if (isListEnd(node)) return { list, end: node };
      list.push(node);
    }
    const eof = this.tokens.peek();
    const unclosed = this.openControls[this.openControls.length - 1];
    const error: TemplateError = { kind: 'syntax', message: 'unexpected EOF', start: eof.start, end: eof.end };
    if (unclosed !== undefined) error.unclosed = { ...unclosed };
    throw new ParseStop(error);
  }

  private textOrAction(): TemplateNode | ListEnd {
    const item = this.tokens.nextNonSpace();
    if (item.type === 'text') return { type: 'text', start: item.start, end: item.end };
    if (item.type !== 'leftDelim') return this.unexpected(item, 'input');
    this.actionStart = item.start;
    try {
      return this.action(item);
    } finally {
      this.actionStart = undefined;
    }
  }

  private action(delim: TemplateItem): TemplateNode | ListEnd {
    const keyword = this.tokens.nextNonSpace();
    switch (keyword.type) {
      case 'block':
        return this.blockControl(delim);
      case 'break':
      case 'continue':
        return this.loopControl(delim, keyword);
      case 'else':
        return this.elseControl(delim);
      case 'end':
        return { type: 'end', start: delim.start, end: this.expect('rightDelim', 'end').end };
      case 'if':
      case 'range':
      case 'with':
        return this.branchControl(delim, keyword.type);
      case 'template':
        return this.templateControl(delim);
    }
    this.tokens.backup();
    // Variables declared here stay in scope until the enclosing `{{end}}`.
    const { pipeline, close } = this.pipeline('command', 'rightDelim', delim.start);
    return { type: 'action', start: delim.start, end: close.end, pipeline };
  }

  private loopControl(delim: TemplateItem, keyword: TemplateItem): LoopControlNode {
    const name = keyword.type === 'break' ? 'break' : 'continue';
    const close = this.tokens.nextNonSpace();
    if (close.type !== 'rightDelim') this.unexpected(close, `{{${name}}}`);
    if (this.tree.rangeDepth === 0) this.fail(`{{${name}}} outside {{range}}`, keyword.start, keyword.end);
    return { type: name, start: delim.start, end: close.end };
  }

  private elseControl(delim: TemplateItem): ListEnd {
    const following = this.tokens.peekNonSpace();
    if (following.type === 'if' || (following.type === 'with' && this.options.elseWith === true)) {
      return { type: 'else', start: delim.start, end: following.start, pending: following.type };
    }
    return { type: 'else', start: delim.start, end: this.expect('rightDelim', 'else').end };
  }

  private branchControl(delim: TemplateItem, context: 'if' | 'range' | 'with'): BranchNode {
    const mark = this.tree.scope.mark();
    const { pipeline, close } = this.pipeline(context, 'rightDelim', delim.start);
    const opener = { keyword: context, start: delim.start, end: close.end };

    const outerDot = this.tree.dotIsData;
    if (context !== 'if') this.tree.dotIsData = false;
    if (context === 'range') this.tree.rangeDepth++;
    const { list, end } = this.nestedList(opener);
    if (context === 'range') this.tree.rangeDepth--;
    this.tree.dotIsData = outerDot;

    let elseList: TemplateNode[] | undefined;
    let last = end;
    if (end.type === 'else') {
      if (end.pending !== undefined && end.pending === context) {
        // `{{else if b}}` reads as `{{else}}{{if b}}...{{end}}{{end}}`, sharing one `{{end}}`.
        if (end.pending === 'with') this.result.newerFeatures.push('else with');
        this.tokens.nextNonSpace();
        const chained = this.branchControl({ type: 'leftDelim', value: '{{', start: end.start, end: end.end }, end.pending);
        elseList = [chained];
        last = { type: 'end', start: chained.end, end: chained.end };
      } else {
        const branch = this.nestedList(opener);
        elseList = branch.list;
        last = branch.end;
        if (last.type !== 'end') this.fail(`expected end; found ${describeListEnd(last)}`, last.start, last.end);
      }
    }
    this.tree.scope.popTo(mark);
    return { type: context, start: delim.start, end: last.end, pipeline, list, elseList };
  }

  private templateControl(delim: TemplateItem): TemplateCallNode {
    const context = 'template clause';
    const nameItem = this.tokens.nextNonSpace();
    const name = this.templateName(nameItem, context);
    const close = this.tokens.nextNonSpace();
    if (close.type === 'rightDelim') return { type: 'template', name, start: delim.start, end: close.end, pipeline: undefined };
    this.tokens.backup();
    const parsed = this.pipeline(context, 'rightDelim', delim.start);
    return { type: 'template', name, start: delim.start, end: parsed.close.end, pipeline: parsed.pipeline };
  }

  /** `{{block "name" pipeline}}body{{end}}` defines `name` and calls it at that point. */
  private blockControl(delim: TemplateItem): TemplateCallNode {
    const context = 'block clause';
    const nameItem = this.tokens.nextNonSpace();
    const name = this.templateName(nameItem, context);
    const { pipeline, close } = this.pipeline(context, 'rightDelim', delim.start);

    const outer = this.enterTree();
    const { list, end } = this.nestedList({ keyword: 'block', start: delim.start, end: close.end });
    if (end.type !== 'end') this.fail(`unexpected ${describeListEnd(end)} in ${context}`, end.start, end.end);
    this.addTree(name, isEmptyList(this.text, list), nameItem.start, nameItem.end);
    this.tree = outer;
    this.result.definitions.push({ name, kind: 'block', start: delim.start, end: end.end, list });
    return { type: 'template', name, start: delim.start, end: end.end, pipeline };
  }

  private templateName(item: TemplateItem, context: string): string {
    if (!isItem(item, 'string', 'rawString')) this.unexpected(item, context);
    return this.unquote(item);
  }

  /**
   * Reads a pipeline up to `end`, with its declarations. `clauseStart` is
   * where the action or parenthesis begins, for "missing value" errors.
   */
  private pipeline(context: string, end: 'rightDelim' | 'rightParen', clauseStart: number): { pipeline: Pipeline; close: TemplateItem } {
    const first = this.tokens.peekNonSpace();
    const pipeline: Pipeline = { declarations: [], isAssign: false, commands: [], start: first.start, end: first.start };
    this.readDeclarations(pipeline, context);

    for (;;) {
      const item = this.tokens.nextNonSpace();
      if (item.type === end) {
        this.checkPipeline(pipeline, context, clauseStart, item.end);
        return { pipeline, close: item };
      }
      if (!isItem(item, 'bool', 'charConstant', 'complex', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen')) {
        this.unexpected(item, context);
      }
      this.tokens.backup();
      const command = this.command();
      pipeline.commands.push(command);
      pipeline.end = command.end;
    }
  }

  private readDeclarations(pipeline: Pipeline, context: string): void {
    for (;;) {
      const before = this.tokens.position;
      const variable = this.tokens.nextNonSpace();
      if (variable.type !== 'variable') {
        this.tokens.rewind(before);
        return;
      }
      const following = this.tokens.peekNonSpace();
      if (following.type === 'assign' || following.type === 'declare') {
        pipeline.isAssign = following.type === 'assign';
        this.tokens.nextNonSpace();
        const scope = this.tree.scope;
        pipeline.declarations.push(pipeline.isAssign ? scope.assign(variable.value, variable.start, variable.end) : scope.declare(variable.value, variable.start, variable.end));
        return;
      }
      if (following.type === 'char' && following.value === ',') {
        this.tokens.nextNonSpace();
        pipeline.declarations.push(this.tree.scope.declare(variable.value, variable.start, variable.end));
        if (context === 'range' && pipeline.declarations.length < 2) {
          // `range $i, $v := ...` declares an index and an element.
          if (isItem(this.tokens.peekNonSpace(), 'variable', 'rightDelim', 'rightParen')) continue;
          this.fail('range can only initialize variables', variable.start, following.end);
        }
        this.fail(`too many declarations in ${context}`, variable.start, following.end);
      }
      // `$x` is an operand, not a declaration; read it again as one.
      this.tokens.rewind(before);
      return;
    }
  }

  private checkPipeline(pipeline: Pipeline, context: string, clauseStart: number, clauseEnd: number): void {
    if (pipeline.commands.length === 0) this.fail(`missing value for ${context}`, clauseStart, clauseEnd);
    // Only the first command may start with a constant: later ones receive the previous result as their last argument.
    pipeline.commands.slice(1).forEach((command, index) => {
      const first = command.args[0];
      if (first !== undefined && ['bool', 'dot', 'nil', 'number', 'string'].includes(first.type)) {
        this.fail(`non executable command in pipeline stage ${index + 2}`, command.start, command.end);
      }
    });
  }

  private command(): Command {
    const command: Command = { args: [], start: this.tokens.peekNonSpace().start, end: 0 };
    for (;;) {
      this.tokens.peekNonSpace();
      const operand = this.operand();
      if (operand !== undefined) {
        command.args.push(operand);
        command.end = operand.end;
      }
      const item = this.tokens.next();
      if (item.type === 'space') continue;
      if (item.type === 'rightDelim' || item.type === 'rightParen') this.tokens.backup();
      else if (item.type !== 'pipe') this.unexpected(item, 'operand');
      break;
    }
    if (command.args.length === 0) this.fail('empty command', command.start, command.start + 1);
    return command;
  }

  private operand(): Operand | undefined {
    const term = this.term();
    if (term === undefined || this.tokens.peek().type !== 'field') return term;

    const fields: FieldName[] = [];
    while (this.tokens.peek().type === 'field') {
      const field = this.tokens.next();
      fields.push({ name: field.value.slice(1), start: field.start, end: field.end });
    }
    const end = fields[fields.length - 1]!.end;
    switch (term.type) {
      case 'field':
      case 'variable':
        term.fields.push(...fields);
        term.end = end;
        return term;
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return this.fail(`unexpected . after term ${goQuote(term.text)}`, term.start, end);
      default:
        return { type: 'chain', operand: term, fields, start: term.start, end };
    }
  }

  private term(): Operand | undefined {
    const item = this.tokens.nextNonSpace();
    const span = { start: item.start, end: item.end };
    switch (item.type) {
      case 'identifier':
        return this.functionName(item);
      case 'dot':
        return { type: 'dot', text: '.', ...span };
      case 'nil':
        return { type: 'nil', text: 'nil', ...span };
      case 'bool':
        return { type: 'bool', text: item.value, ...span };
      case 'variable':
        return this.useVariable(item);
      case 'field': {
        const field: FieldOperand = { type: 'field', fields: [{ name: item.value.slice(1), ...span }], ...span, dotIsData: this.tree.dotIsData };
        this.result.references.push(field);
        return field;
      }
      case 'charConstant':
      case 'complex':
      case 'number': {
        const problem = item.type === 'charConstant' ? checkGoChar(item.value) : checkGoNumber(item.value, item.type === 'complex');
        if (problem !== undefined) this.fail(problem, item.start, item.end);
        return { type: 'number', text: item.value, ...span };
      }
      case 'leftParen': {
        this.depth++;
        if (this.depth > MAX_TEMPLATE_NESTING) throw new ParseStop(this.limitError(item.start, item.end));
        const { pipeline, close } = this.pipeline('parenthesized pipeline', 'rightParen', item.start);
        this.depth--;
        return { type: 'pipeline', pipeline, start: item.start, end: close.end };
      }
      case 'string':
      case 'rawString':
        return { type: 'string', text: item.value, value: this.unquote(item), ...span };
    }
    this.tokens.backup();
    return undefined;
  }

  private functionName(item: TemplateItem): IdentifierOperand {
    if (!this.options.functions.has(item.value)) {
      this.stop({ kind: 'undefined-function', message: `function ${goQuote(item.value)} not defined`, start: item.start, end: item.end, name: item.value });
    }
    if (this.options.newerFunctions?.has(item.value) === true) this.result.newerFeatures.push(item.value);
    const call: IdentifierOperand = { type: 'identifier', name: item.value, start: item.start, end: item.end };
    this.result.calls.push(call);
    return call;
  }

  private useVariable(item: TemplateItem): VariableOperand {
    const declaration: VariableDeclaration | undefined = this.tree.scope.lookup(item.value);
    if (declaration === undefined) {
      this.stop({
        kind: 'undefined-variable',
        message: `undefined variable ${goQuote(item.value)}`,
        start: item.start,
        end: item.end,
        name: item.value,
        variablesInScope: this.tree.scope.names(),
      });
    }
    const variable: VariableOperand = { type: 'variable', name: item.value, fields: [], start: item.start, end: item.end, declaration };
    this.result.references.push(variable);
    return variable;
  }

  private unquote(item: TemplateItem): string {
    const value = unquoteGoString(item.value);
    if (value === undefined) this.fail('invalid syntax', item.start, item.end);
    return value;
  }

  private expect(type: 'rightDelim', context: string): TemplateItem {
    const item = this.tokens.nextNonSpace();
    if (item.type !== type) this.unexpected(item, context);
    return item;
  }

  private unexpected(item: TemplateItem, context: string): never {
    if (item.type === 'error') this.fail(item.value + this.actionLineSuffix(item), item.start, item.end);
    return this.fail(`unexpected ${describeItem(item)} in ${context}`, item.start, item.end);
  }

  /** Go names the line an action started on when a lexical error is on a later line. */
  private actionLineSuffix(item: TemplateItem): string {
    if (this.actionStart === undefined) return '';
    const actionLine = lineAt(this.text, this.actionStart);
    if (actionLine === lineAt(this.text, item.goStart ?? item.start)) return '';
    const suffix = ` in action started at ${this.options.name ?? 'template'}:${actionLine}`;
    return item.value.endsWith(' action') ? suffix.slice(' in action'.length) : suffix;
  }

  private limitError(start: number, end: number): TemplateError {
    return { kind: 'limit', message: `nesting deeper than ${MAX_TEMPLATE_NESTING} levels`, start, end };
  }

  private fail(message: string, start: number, end: number): never {
    return this.stop({ kind: 'syntax', message, start, end });
  }

  private stop(error: TemplateError): never {
    throw new ParseStop(error);
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

function isListEnd(node: TemplateNode | ListEnd): node is ListEnd {
  return node.type === 'end' || node.type === 'else';
}

function describeListEnd(end: ListEnd): string {
  return end.type === 'end' ? '{{end}}' : '{{else}}';
}

/** Returns whether a template body contains only white space and comments, which a later definition may replace. */
function isEmptyList(text: string, list: readonly TemplateNode[]): boolean {
  return list.every((node) => node.type === 'text' && text.slice(node.start, node.end).trim() === '');
}
