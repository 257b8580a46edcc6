/** A stream the CLI writes to; `process.stdout` and test buffers both fit. */
export interface OutputStream {
  write(text: string): unknown;
  /** Whether the stream is a terminal, which turns colours on. */
  isTTY?: boolean;
}

/** The process state the CLI reads and writes, injected so tests run it in-process. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** The directory relative paths are resolved against and printed relative to. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}
