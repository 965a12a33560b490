import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake vendor received. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: unknown;
}

/** How the fake vendor answers one request. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A vendor stand-in on 127.0.0.1: records each request and answers with `reply`. */
export interface VendorServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON (a multipart upload): the test reads the text itself.
    return text;
  }
}

export async function vendorServer(reply: (request: Received) => Reply | Promise<Reply>): Promise<VendorServer> {
  const received: Received[] = [];
  const server = createServer(async (request, response) => {
    let text = "";
    for await (const chunk of request) text += chunk;
    const record: Received = {
      method: request.method ?? "",
      path: request.url ?? "",
      headers: request.headers,
      body: text ? parse(text) : undefined,
    };
    received.push(record);
    let answer: Reply;
    try {
      answer = await reply(record);
    } catch (error) {
      answer = { status: 599, body: { message: `the test server's reply failed: ${String(error)}` } };
    }
    response.statusCode = answer.status;
    for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
    if (answer.body === undefined) response.end();
    else if (typeof answer.body === "string") response.end(answer.body);
    else {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(answer.body));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
