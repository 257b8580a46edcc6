import type { VariableDeclaration } from './template-ast.js';

/**
 * The variables visible at a point of a template. A variable declared in
 * the pipeline or body of `if`, `range` or `with` is visible until the
 * matching `{{end}}`. One declared elsewhere is visible until the end of its
 * template.
 */
export class TemplateScope {
  private readonly variables: VariableDeclaration[] = [];

  /** Starts the scope of a template: `$`, then the caller's predefined variables. */
  constructor(predefinedDollar: boolean, predefined: readonly string[] = []) {
    this.variables.push(predefinedDeclaration('$', predefinedDollar));
    for (const name of predefined) this.variables.push(predefinedDeclaration(name, true));
  }

  declare(name: string, start: number, end: number): VariableDeclaration {
    const declaration: VariableDeclaration = { name, start, end, predefined: false, reassigned: false };
    this.variables.push(declaration);
    return declaration;
  }

  /**
   * Records `$x = ...`. Go's parser accepts an assignment to an undeclared
   * variable and fails only when the template runs, so one is declared here.
   */
  assign(name: string, start: number, end: number): VariableDeclaration {
    const existing = this.lookup(name);
    if (existing === undefined) return this.declare(name, start, end);
    existing.reassigned = true;
    this.variables.push(existing);
    return existing;
  }

  lookup(name: string): VariableDeclaration | undefined {
    for (let index = this.variables.length - 1; index >= 0; index--) {
      if (this.variables[index]!.name === name) return this.variables[index];
    }
    return undefined;
  }

  names(): string[] {
    return [...new Set(this.variables.map((variable) => variable.name))];
  }

  mark(): number {
    return this.variables.length;
  }

  /** Ends the variables declared since `mark` was taken. */
  popTo(mark: number): void {
    this.variables.length = Math.min(this.variables.length, mark);
  }
}

function predefinedDeclaration(name: string, predefined: boolean): VariableDeclaration {
  return { name, start: 0, end: 0, predefined, reassigned: false };
}
