import { DEFAULT_MAX_OPEN } from "../datasets/eventIntake";
import type { CommandIO } from "./command";
import type { EventSource } from "./eventStore";
import { openSource } from "./stores";

// The options `export` and `push` share for the events they read: `--in` and `--max-open`.

/** Why the events cannot be read; `usage` when the command's usage should follow. */
export interface InputProblem {
  problem: string;
  usage: boolean;
}

/** The events of `--in`, or of standard input when it is piped (not a terminal). */
export async function openEventInput(
  command: string,
  name: string | undefined,
  io: CommandIO,
): Promise<EventSource | InputProblem> {
  if (name === undefined && (io.stdin as { isTTY?: boolean }).isTTY) {
    return {
      problem: `${command} reads the events from standard input: give --in feedback.jsonl, or pipe them in.`,
      usage: true,
    };
  }
  try {
    return await openSource(name, io.cwd, io.stdin);
  } catch (error) {
    // The store's own sentence names what it could not read.
    return { problem: (error as Error).message, usage: false };
  }
}

/** `--max-open` as a number, or the sentence saying why it is not one. */
export function maxOpenOption(value: string | undefined): number | InputProblem {
  const maxOpen = value === undefined ? DEFAULT_MAX_OPEN : Number(value);
  return maxOpen >= 1
    ? maxOpen
    : { problem: `--max-open must be a number of at least 1 (got "${value}").`, usage: true };
}

/** Prints why the command cannot go on (followed by its usage when that helps) and gives the exit code 1. */
export function refuse(io: CommandIO, { problem, usage }: InputProblem, usageText: string): number {
  io.stderr.write(usage ? `${problem}\n\n${usageText}\n` : `${problem}\n`);
  return 1;
}
