import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loopbackOrigin } from "../server/cors";
import { createFeedbackHandler } from "../server/createFeedbackHandler";
import { toNodeHandler } from "../server/toNodeHandler";
import { checkTraceUrl } from "./checkTraceUrl";
import type { Command } from "./command";
import type { EventStore } from "./eventStore";
import { logFeedbackError, logRefusals, serverLog } from "./serverLog";
import { openStore, sourceOf } from "./stores";

const USAGE = `Usage: react-feedback-loop serve [--port 8787] [--host 127.0.0.1] [--store feedback.jsonl | postgres://…]
                                 [--origin <origin>] [--trace-url <url>]

Starts a feedback collector: the relay of react-feedback-loop/server on node:http, storing each accepted event
once. Point httpSink (or Storybook's demo) at http://<host>:<port>/feedback, and open http://<host>:<port>/
for the insights dashboard, live as events arrive.

Options:
  --port <n>         port to listen on (default 8787; 0 picks a free one)
  --host <addr>      address to bind (default 127.0.0.1, this machine only)
  --store <store>    a JSONL file to append to (default feedback.jsonl in the current directory; one collector
                     per file, held by <path>.lock), or a postgres://user:password@host/database URL (any number
                     of collectors can share one database)
  --file <path>      the same as --store with a JSONL file
  --origin <origin>  a web page origin allowed to send, e.g. https://app.example (repeat for several; "*" for any);
                     default: pages served from this machine (localhost, 127.0.0.1, [::1]) on any port
  --trace-url <url>  link each trace on the dashboard: a URL template with {traceId}, for example
                       Langfuse:  https://cloud.langfuse.com/project/<project id>/traces/{traceId}
                       LangSmith: https://smith.langchain.com/o/<org id>/projects/p/<project id>/r/{traceId}
                       Phoenix:   http://localhost:6006/projects/<project id>/traces/{traceId}

Refused requests and storage failures are logged on stderr, one line each.`;

interface ServeOptions {
  port: number;
  host: string;
  store: string;
  origins: string[];
  traceUrl?: string;
}

function parse(args: string[]): ServeOptions | string {
  const options: ServeOptions = { port: 8787, host: "127.0.0.1", store: "feedback.jsonl", origins: [] };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = (args[i] as string).split("=", 2) as [string, string | undefined];
    const value = inline ?? args[++i];
    if (value === undefined) return `${flag} needs a value.`;
    if (flag === "--port") {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) return `--port must be a number from 0 to 65535.`;
      options.port = port;
    } else if (flag === "--host") options.host = value;
    else if (flag === "--file" || flag === "--store") options.store = value;
    else if (flag === "--origin") options.origins.push(value);
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
  summary: "collect feedback locally into a JSONL file, or into PostgreSQL",
  usage: USAGE,
  async run(args, io) {
    const options = parse(args);
    if (typeof options === "string") {
      io.stderr.write(`${options}\n\n${USAGE}\n`);
      return 1;
    }
    const log = serverLog(io.stderr);
    let store: EventStore;
    try {
      store = await openStore(options.store, io.cwd, log);
    } catch (error) {
      io.stderr.write(`${(error as Error).message}\n`);
      return 1;
    }
    // Pages on this machine by default (dev servers and Storybook pick their own ports), never any page on the web.
    const origins = options.origins.includes("*") ? "*" : options.origins.length > 0 ? options.origins : loopbackOrigin;
    const relay = createFeedbackHandler({
      sinks: [store],
      cors: { origins },
      onError: logFeedbackError(log, store.location),
    });
    const handler = toNodeHandler(logRefusals(relay, log));
    // Loaded here, not at start-up: the dashboard brings React's server renderer, which `export` never needs.
    const { insightsDashboard } = await import("./insightsDashboard");
    const dashboard = insightsDashboard({
      source: () => sourceOf(store),
      watch: (listener) => store.watch(listener),
      storeName: store.location,
      ...(options.traceUrl ? { traceUrl: options.traceUrl } : {}),
    });
    const server = createServer(async (request, response) => {
      if (request.method === "GET" && request.url === "/feedback") {
        void store.count().then(
          (count) => {
            response.setHeader("content-type", "text/plain; charset=utf-8");
            response.end(`react-feedback-loop collector: ${count} events in ${store.location}\n`);
          },
          // A database that went away answers this page, not the process.
          () => {
            response.statusCode = 503;
            response.end(`react-feedback-loop collector: ${store.location} cannot be reached\n`);
          },
        );
        return;
      }
      try {
        if (await dashboard.handle(request, response)) return;
      } catch (error) {
        log(`dashboard: ${error instanceof Error ? error.message : String(error)}`);
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
      await store.close();
      return 1;
    }
    const host = listening.family === "IPv6" ? `[${listening.address}]` : listening.address;
    io.stdout.write(
      `Collecting feedback at http://${host}:${listening.port}/feedback → ${store.location} (${await store.count()} events so far). Insights at http://${host}:${listening.port}/. Press Ctrl+C to stop.\n`,
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
    await store.close();
    io.stdout.write(`Stopped. ${await store.count()} events in ${store.location}.\n`);
    return 0;
  },
};
