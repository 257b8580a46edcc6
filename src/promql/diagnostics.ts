// Errors and notes that `parsePromql` reports.

/**
 * `type` errors concern value types, argument counts and the rules for
 * combining operands and operators. All other errors are `syntax` errors:
 * grammar, literals, modifiers, matchers and experimental syntax. Like
 * Prometheus, the parser runs its post-parse checks only for expressions
 * without syntax errors.
 */
export type PromqlErrorKind = 'syntax' | 'type' | 'limit';

export interface PromqlError {
  kind: PromqlErrorKind;
  /** A full English sentence that names the offending token and the fix. */
  message: string;
  /** 0-based UTF-16 offset where the problem starts. */
  start: number;
  /** End offset, exclusive. It equals `start` for a position such as the end of input. */
  end: number;
}

/**
 * `removed-function`: a function that Prometheus 3 no longer has.
 * `newer-feature`: syntax or a function that promtool 2.42 rejects but current
 * Prometheus accepts, and `feature` is the name of its entry in `COMPAT_FEATURES`.
 * `experimental`: a feature-flag feature accepted because of `{ experimental: true }`.
 */
export type PromqlNoteKind = 'removed-function' | 'newer-feature' | 'experimental';

export interface PromqlNote {
  kind: PromqlNoteKind;
  /** Compat entry name, removed function name, or Prometheus feature flag. */
  feature: string;
  message: string;
  start: number;
  end: number;
}

export class Diagnostics {
  readonly errors: PromqlError[] = [];
  readonly notes: PromqlNote[] = [];

  syntax(message: string, start: number, end: number): void {
    this.errors.push({ kind: 'syntax', message, start, end });
  }

  type(message: string, start: number, end: number): void {
    this.errors.push({ kind: 'type', message, start, end });
  }

  limit(message: string, start: number, end: number): void {
    this.errors.push({ kind: 'limit', message, start, end });
  }

  note(kind: PromqlNoteKind, feature: string, message: string, start: number, end: number): void {
    this.notes.push({ kind, feature, message, start, end });
  }

  hasSyntaxErrors(): boolean {
    return this.errors.some((error) => error.kind === 'syntax');
  }
}
