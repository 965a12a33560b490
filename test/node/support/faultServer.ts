// The endpoint of the delivery fault tests: a node:http server on 127.0.0.1 with programmable answers, and
// a second one that serves the harness page. Both stop with the test.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface IngestRequest {
  at: number;
  ids: string[];
  bytes: number;
  contentType: string;
  status: number;
  /** The page load that sent it (the harness tags its requests). */
  page: string;
}

/** What the ingest endpoint answers to the n-th POST (0-based). */
export type IngestProgram = (n: number) => {
  status: number;
  headers?: Record<string, string>;
  delayMs?: number;
  /** The answer waits until this settles: a request held in flight for as long as a test needs. */
  until?: Promise<unknown>;
};

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

/** A server whose open connections can be cut, so `stop()` really takes it down. */
function closable(handler: (request: IncomingMessage, response: ServerResponse) => void) {
  const server = createServer(handler);
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return { server, stop };
}

/** The ingest endpoint (its own origin, so it can go down while the page stays up). */
export async function startIngest() {
  const requests: IngestRequest[] = [];
  let program: IngestProgram = () => ({ status: 200 });
  const cors = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "POST",
    "Access-Control-Allow-Headers": "content-type",
    "Access-Control-Expose-Headers": "retry-after",
  };
  const handler = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === "OPTIONS") {
      response.writeHead(204, cors).end();
      return;
    }
    const body = await readBody(request);
    const answer = program(requests.length);
    let ids: string[] = [];
    try {
      ids = (JSON.parse(body.toString("utf8")) as { events: { id: string }[] }).events.map((event) => event.id);
    } catch {
      // A body that is not our JSON is recorded with no ids.
    }
    requests.push({
      at: Date.now(),
      ids,
      bytes: body.length,
      contentType: String(request.headers["content-type"] ?? ""),
      status: answer.status,
      page: new URL(request.url ?? "/", "http://127.0.0.1").searchParams.get("page") ?? "",
    });
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (answer.until) await answer.until;
    response.writeHead(answer.status, { ...cors, ...answer.headers }).end();
  };
  let current = closable((request, response) => void handler(request, response));
  const port = await listen(current.server);
  return {
    url: `http://127.0.0.1:${port}/ingest`,
    requests,
    setProgram(next: IngestProgram) {
      program = next;
    },
    /** Ids stored: those of requests answered with a 2xx. */
    received: () => requests.filter((item) => item.status >= 200 && item.status < 300).flatMap((item) => item.ids),
    stop: () => current.stop(),
    /** Comes back up on the same port. */
    async restart() {
      current = closable((request, response) => void handler(request, response));
      await listen(current.server, port);
    },
  };
}

/** Serves the harness page and its bundle. */
export async function startPageServer(bundle: string) {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>delivery harness</title></head>
<body><script src="/harness.js"></script></body></html>`;
  const { server, stop } = closable((request, response) => {
    if ((request.url ?? "").startsWith("/harness.js")) {
      response.writeHead(200, { "Content-Type": "text/javascript" }).end(bundle);
    } else {
      response.writeHead(200, { "Content-Type": "text/html" }).end(page);
    }
  });
  const port = await listen(server);
  return { origin: `http://127.0.0.1:${port}`, stop };
}
