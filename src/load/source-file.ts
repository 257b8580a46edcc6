/** A position in a file: 1-based line, 1-based column counted in UTF-16 code units. */
export interface Position {
  line: number;
  column: number;
}

/**
 * The text of one file with its path, converting 0-based offsets (JavaScript
 * string indices) into line and column positions.
 */
export class SourceFile {
  readonly path: string;
  readonly text: string;
  private lineStarts: number[] | undefined;
  /** 0-based line of the last `positionAt` result. */
  private lastLine = 0;

  constructor(path: string, text: string) {
    this.path = path;
    this.text = text;
  }

  positionAt(offset: number): Position {
    const starts = this.getLineStarts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    // Callers often look up several offsets on one line in a row, such as a finding's start and end, so that line is tried first.
    let low = this.lastLine;
    if (starts[low]! > clamped || (low + 1 < starts.length && starts[low + 1]! <= clamped)) {
      low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle]! <= clamped) low = middle;
        else high = middle - 1;
      }
      this.lastLine = low;
    }
    return { line: low + 1, column: clamped - starts[low]! + 1 };
  }

  /** Returns the offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    const starts = this.getLineStarts();
    return starts[Math.max(0, Math.min(line - 1, starts.length - 1))]!;
  }

  get lineCount(): number {
    return this.getLineStarts().length;
  }

  private getLineStarts(): number[] {
    if (this.lineStarts === undefined) {
      const starts = [0];
      const text = this.text;
      for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
        starts.push(index + 1);
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}
