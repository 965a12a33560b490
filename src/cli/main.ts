import { version } from "../../package.json";
import type { Command, CommandIO } from "./command";
import { exportCommand } from "./export";
import { pushCommand } from "./push";
import { serve } from "./serve";

// Each subcommand lives in its own file and is listed here.
const commands: Record<string, Command> = { serve, export: exportCommand, push: pushCommand };

function help(): string {
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`);
  return `Usage: react-feedback-loop <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun "react-feedback-loop <command> --help" for a command's options, "react-feedback-loop --version" for the version.\n`;
}

/** Runs the CLI with `argv` (without node and the script path); resolves to the exit code. */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(help());
    return name === undefined ? 1 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`Unknown command "${name}".\n\n${help()}`);
    return 1;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(args, io);
}
