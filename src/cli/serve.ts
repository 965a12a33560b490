import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createFeedbackHandler } from "../server/createFeedbackHandler";
import { toNodeHandler } from "../server/toNodeHandler";
import { checkTraceUrl } from "./checkTraceUrl";
import type { Command } from "./command";
import { jsonlFileSink } from "./jsonlFileSink";
import { readJsonlEvents } from "./readJsonlEvents";

const USAGE = `Usage: react-feedback-loop serve [--port 8787] [--host 127.0.0.1] [--file feedback.jsonl] [--trace-url URL]

Starts a local feedback collector: the relay of react-feedback-loop/server on node:http, appending each accepted
event once to a JSONL file. Point httpSink (or Storybook's demo) at http://<host>:<port>/feedback, and open
http://<host>:<port>/ for the insights dashboard, live as events arrive.

Options:
  --port <n>         port to listen on (default 8787; 0 picks a free one)
  --host <addr>      address to bind (default 127.0.0.1, this machine only)
  --file <path>      JSONL file to append to (default feedback.jsonl in the current directory)
  --trace-url <url>  link each trace on the dashboard: a URL template with {traceId}, for example
                       Langfuse:  https://cloud.langfuse.com/project/<project id>/traces/{traceId}
                       LangSmith: https://smith.langchain.com/o/<org id>/projects/p/<project id>/r/{traceId}
                       Phoenix:   http://localhost:6006/projects/<project id>/traces/{traceId}`;

interface ServeOptions {
  port: number;
  host: string;
  file: string;
  traceUrl?: string;
}

function parse(args: string[]): ServeOptions | string {
  const options: ServeOptions = { port: 8787, host: "127.0.0.1", file: "feedback.jsonl" };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = (args[i] as string).split("=", 2) as [string, string | undefined];
    const value = inline ?? args[++i];
    if (value === undefined) return `${flag} needs a value.`;
    if (flag === "--port") {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) return `--port must be a number from 0 to 65535.`;
      options.port = port;
    } else if (flag === "--host") options.host = value;
    else if (flag === "--file") options.file = value;
    else if (flag === "--trace-url") {
      const problem = checkTraceUrl(value);
      if (problem) return problem;
      options.traceUrl = value;
    } else return `Unknown option "${flag}".`;
  }
  return options;
}

/** `react-feedback-loop serve`: the local collector, so events land somewhere with no account anywhere. */
export const serve: Command = {
  summary: "collect feedback locally into a JSONL file",
  usage: USAGE,
  async run(args, io) {
    const options = parse(args);
    if (typeof options === "string") {
      io.stderr.write(`${options}\n\n${USAGE}\n`);
      return 1;
    }
    const file = path.resolve(io.cwd, options.file);
    // Loaded here, not at start-up: the dashboard brings React's server renderer, which `export` never needs.
    const { insightsDashboard } = await import("./insightsDashboard");
    const dashboard = insightsDashboard({
      read: () => readJsonlEvents(file),
      storeName: file,
      ...(options.traceUrl ? { traceUrl: options.traceUrl } : {}),
    });
    const sink = await jsonlFileSink(file, (events) => dashboard.add(events));
    // Local and open to any page: Storybook and dev servers run on other ports.
    const handler = toNodeHandler(createFeedbackHandler({ sinks: [sink], cors: { origins: "*" } }));
    const server = createServer(async (request, response) => {
      if (request.method === "GET" && request.url === "/feedback") {
        response.setHeader("content-type", "text/plain; charset=utf-8");
        response.end(`react-feedback-loop collector: ${sink.count} events in ${file}\n`);
        return;
      }
      try {
        if (await dashboard.handle(request, response)) return;
      } catch (error) {
        io.stderr.write(`dashboard: ${error instanceof Error ? error.message : String(error)}\n`);
        if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        response.end("The dashboard could not read the store; see the collector's output.\n");
        return;
      }
      void handler(request, response);
    });
    const listening = await new Promise<AddressInfo | Error>((resolve) => {
      server.once("error", resolve);
      server.listen(options.port, options.host, () => resolve(server.address() as AddressInfo));
    });
    if (listening instanceof Error) {
      io.stderr.write(`Could not listen on ${options.host}:${options.port}: ${listening.message}\n`);
      return 1;
    }
    const host = listening.family === "IPv6" ? `[${listening.address}]` : listening.address;
    io.stdout.write(
      `Collecting feedback at http://${host}:${listening.port}/feedback → ${file} (${sink.count} events so far). Insights at http://${host}:${listening.port}/. Press Ctrl+C to stop.\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        dashboard.close();
        server.close(() => resolve());
        server.closeAllConnections();
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    io.stdout.write(`Stopped. ${sink.count} events in ${file}.\n`);
    return 0;
  },
};
