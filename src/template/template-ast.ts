// The tree of a Go text/template. Offsets are UTF-16 indexes into the
// template text, `end` exclusive, so a caller can map them back to the file.

/** A variable as declared by `$x := ...`, by a `range` or predefined by the caller. */
export interface VariableDeclaration {
  name: string;
  start: number;
  end: number;
  /** Declared by the caller before the text, such as Prometheus' `$labels`, or the main template's `$`. */
  predefined: boolean;
  /** Set when some `$x = ...` assigns a new value, so uses may not hold the predefined value. */
  reassigned: boolean;
}

export interface FieldName {
  name: string;
  start: number;
  end: number;
}

export interface IdentifierOperand {
  type: 'identifier';
  /** The function's name. */
  name: string;
  start: number;
  end: number;
}

export interface VariableOperand {
  type: 'variable';
  name: string;
  fields: FieldName[];
  start: number;
  end: number;
  declaration: VariableDeclaration;
}

/** A field chain on dot, such as `.Labels.job`. */
export interface FieldOperand {
  type: 'field';
  fields: FieldName[];
  start: number;
  end: number;
  /**
   * Whether `.` is the data the main template runs with here: true outside
   * `range` and `with` bodies and outside `define` and `block` bodies.
   */
  dotIsData: boolean;
}

/** Fields read from a parenthesized pipeline, such as `(query "up" | first).Labels`. */
export interface ChainOperand {
  type: 'chain';
  operand: Operand;
  fields: FieldName[];
  start: number;
  end: number;
}

export interface LiteralOperand {
  type: 'dot' | 'nil' | 'bool' | 'number' | 'string';
  /** The source text, such as `"a\tb"` or `0x1F`. */
  text: string;
  /** The decoded value of a string. */
  value?: string;
  start: number;
  end: number;
}

export interface PipelineOperand {
  type: 'pipeline';
  pipeline: Pipeline;
  start: number;
  end: number;
}

export type Operand = IdentifierOperand | VariableOperand | FieldOperand | ChainOperand | LiteralOperand | PipelineOperand;

export interface Command {
  args: Operand[];
  start: number;
  end: number;
}

export interface Pipeline {
  /** Variables set by `$x := ...`, `$x = ...` or `range $i, $v := ...`. */
  declarations: VariableDeclaration[];
  isAssign: boolean;
  commands: Command[];
  start: number;
  end: number;
}

interface NodeBase {
  /** From the first character of `{{` (or of the text) to just past `}}`. */
  start: number;
  end: number;
}

export interface TextNode extends NodeBase {
  type: 'text';
}

export interface ActionNode extends NodeBase {
  type: 'action';
  pipeline: Pipeline;
}

export interface BranchNode extends NodeBase {
  type: 'if' | 'range' | 'with';
  pipeline: Pipeline;
  list: TemplateNode[];
  elseList: TemplateNode[] | undefined;
}

/** `{{template "name" pipeline}}`, and the call a `{{block}}` makes where it is written. */
export interface TemplateCallNode extends NodeBase {
  type: 'template';
  name: string;
  pipeline: Pipeline | undefined;
}

export interface LoopControlNode extends NodeBase {
  type: 'break' | 'continue';
}

export type TemplateNode = TextNode | ActionNode | BranchNode | TemplateCallNode | LoopControlNode;

/** The body of a `{{define}}` or `{{block}}`. */
export interface TemplateDefinition {
  name: string;
  kind: 'define' | 'block';
  start: number;
  end: number;
  list: TemplateNode[];
}

export type TemplateErrorKind = 'syntax' | 'undefined-variable' | 'undefined-function' | 'limit';

export interface TemplateError {
  kind: TemplateErrorKind;
  /** Go's wording, such as `function "humanise" not defined`, without Go's `template: name:line:` prefix. */
  message: string;
  start: number;
  end: number;
  /** The undefined variable or function. */
  name?: string;
  /** For an undefined variable: the variables in scope where it was used. */
  variablesInScope?: string[];
  /** For `unexpected EOF`: the innermost `{{if}}`, `{{range}}`, `{{with}}`, `{{define}}` or `{{block}}` left open. */
  unclosed?: { keyword: string; start: number; end: number };
}

export interface TemplateParseResult {
  /** The nodes of the main template; after an error, the nodes read before it. */
  root: TemplateNode[];
  definitions: TemplateDefinition[];
  /** Every variable and field operand, in source order, including those inside definitions. */
  references: (VariableOperand | FieldOperand)[];
  /** Every function named in an operand position, in source order. */
  calls: IdentifierOperand[];
  /** The first error; Go's parser stops there too. */
  error: TemplateError | undefined;
  /** Features the caller marked as newer than the Go or Prometheus release it compares with, in source order. */
  newerFeatures: string[];
}
