// What a CLI command may touch: its output streams and environment, passed in so tests run
// commands in-process.
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Where a prompted secret (a password) is read from; default none (then the flag is required). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  /** The clock; tests pass a fixed one. */
  nowMs?: () => number;
}

/** A command's failure that is the user's to fix: printed as is, exit code 1. */
export class UsageError extends Error {}

export function writeLine(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
