// Run with `node --conditions=react-server`: what a React Server Components bundler does with the package.
// React's Flight loader turns every "use client" module into client references without running its code;
// the server entry is imported and used for real. Prints a JSON report for server-render.test.tsx.
import { register } from "node:module";
import { Writable } from "node:stream";

register("./text-loader.mjs", import.meta.url);
register("react-server-dom-webpack/node-loader", import.meta.url);

const server = await import("react-feedback-loop/server");
const client = await import("react-feedback-loop");
const { createElement } = await import("react");
const { renderToPipeableStream } = await import("react-server-dom-webpack/server");

// The client manifest an RSC bundler would write: every reference resolves to its own id.
const manifest = new Proxy({}, { get: (_target, id) => ({ id, chunks: [], name: String(id).split("#")[1] }) });
// The Next.js App Router recipe: a server component renders the message with serialisable props, and the
// widgets inside it, as client references (the provider sits above, in a "use client" app/providers.tsx).
const tree = createElement(
  "main",
  null,
  createElement(
    client.FeedbackMessage,
    { messageId: "m-1", traceId: "4bf92f3577b34da6a3ce929d0e0e4736", content: "Hello" },
    createElement("p", null, "Hello"),
    createElement(client.ThumbsFeedback, { followUpOn: ["down"] }),
    createElement(client.CopyButton, null),
  ),
);
let flight = "";
const sinkStream = new Writable({
  write(chunk, _encoding, done) {
    flight += chunk.toString();
    done();
  },
});
renderToPipeableStream(tree, manifest).pipe(sinkStream);
await new Promise((resolve) => sinkStream.on("finish", resolve));

const clientExports = Object.entries(client).filter(([, value]) => typeof value === "function");
console.log(
  JSON.stringify({
    clientReferences: clientExports.every(([, value]) => value.$$typeof === Symbol.for("react.client.reference")),
    clientExportCount: clientExports.length,
    serverValidates: server.validateEvent({}) !== undefined,
    flightHasReference: flight.includes("#FeedbackMessage"),
    flightHasProps: flight.includes('"messageId":"m-1"'),
    flightHasWidgets: flight.includes("#ThumbsFeedback") && flight.includes("#CopyButton"),
    flightHasWidgetProps: flight.includes('"followUpOn":["down"]'),
    windowDefined: typeof window !== "undefined",
    documentDefined: typeof document !== "undefined",
  }),
);
