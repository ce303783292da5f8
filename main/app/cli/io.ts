/** Where a command writes: stdout and stderr in the real CLI, strings in tests. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** A mistake in the command line: the command prints it with its usage and exits 2. */
export class UsageError extends Error {}
