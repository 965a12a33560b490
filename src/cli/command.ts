/** Where a command reads and writes, so tests can run it without a terminal. */
export interface CommandIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
}

/** One `react-feedback-loop <name>` subcommand. */
export interface Command {
  /** One line for `--help`. */
  summary: string;
  /** The full usage text, shown by `<name> --help`. */
  usage: string;
  /** Runs the command; resolves to the process exit code. Long-running commands resolve when stopped. */
  run(args: string[], io: CommandIO): Promise<number>;
}
