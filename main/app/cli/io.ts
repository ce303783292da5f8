/** Where a command writes: stdout and stderr in the real CLI, strings in tests. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}
