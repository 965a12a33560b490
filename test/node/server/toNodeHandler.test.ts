import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createFeedbackHandler } from "../../../src/server/createFeedbackHandler";
import { toNodeHandler } from "../../../src/server/toNodeHandler";
import { memorySink } from "../../../src/sinks/memorySink";
import { event } from "../support/events";

let server: Server;
afterEach(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
);

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("toNodeHandler", () => {
  it("serves the relay on node:http: status, headers and JSON body", async () => {
    const sink = memorySink();
    const url = await listen(toNodeHandler(createFeedbackHandler({ sinks: sink, cors: { origins: "*" } })));
    const one = event({ type: "rating", value: "up", previous: null });
    const response = await fetch(`${url}/feedback`, {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "http://localhost:6006" },
      body: JSON.stringify({ events: [one] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual({ accepted: [one.id], retry: [], rejected: [] });
    expect(sink.events).toEqual([one]);
  });

  it("answers 413 to a chunked upload that grows past the limit, without waiting for all of it", async () => {
    const url = new URL(
      await listen(toNodeHandler(createFeedbackHandler({ sinks: memorySink(), maxBodyBytes: 1000 }))),
    );
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          method: "POST",
          path: "/",
          headers: { "content-type": "application/json" },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      outgoing.on("error", reject);
      // Two chunks over the limit; the request is never ended by this side before the answer arrives.
      outgoing.write(`{"events":[${"1,".repeat(400)}`);
      outgoing.write("1,".repeat(400));
    });
    expect(status).toBe(413);
  });
});
