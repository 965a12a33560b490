import type { FeedbackHandler } from "./createFeedbackHandler";

// The parts of node:http's IncomingMessage and ServerResponse used here, written out so this entry stays free of
// Node imports and types (it also runs on edge runtimes).

/** What `toNodeHandler` reads from a `node:http` request. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** What `toNodeHandler` writes to a `node:http` response. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(chunk?: Uint8Array): unknown;
}

function toRequest(incoming: NodeRequestLike): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const url = new URL(incoming.url ?? "/", `http://${headers.get("host") ?? "localhost"}`);
  const method = incoming.method ?? "GET";
  if (method === "GET" || method === "HEAD") return new Request(url, { method, headers });
  const chunks = incoming[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
    },
    // Left unread on purpose: Node drains the rest itself once the response is sent, and the 413 still arrives.
    cancel() {},
  });
  return new Request(url, { method, headers, body, duplex: "half" } as RequestInit);
}

/**
 * Adapts a fetch-standard handler (such as `createFeedbackHandler`'s) to `node:http`, Express or Connect.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { createFeedbackHandler, toNodeHandler } from "react-feedback-loop/server";
 * createServer(toNodeHandler(createFeedbackHandler({ sinks: [mySink] }))).listen(8787);
 * ```
 */
export function toNodeHandler(
  handler: FeedbackHandler,
): (request: NodeRequestLike, response: NodeResponseLike) => Promise<void> {
  return async (request, response) => {
    let answer: Response;
    try {
      answer = await handler(toRequest(request));
    } catch {
      answer = new Response(JSON.stringify({ results: [], error: "internal error" }), {
        status: 500,
        headers: { "content-type": "application/json" },
      });
    }
    response.statusCode = answer.status;
    answer.headers.forEach((value, name) => {
      response.setHeader(name, value);
    });
    response.end(new Uint8Array(await answer.arrayBuffer()));
  };
}
