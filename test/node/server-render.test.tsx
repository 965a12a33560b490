import { execFileSync } from "node:child_process";
import { createElement, version as reactVersion } from "react";
import { renderToString } from "react-dom/server";
import { requireBuild, root } from "./built";

requireBuild();

describe("server rendering", () => {
  it("renders the built client entry in Node, where there is no window or document", async () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
    // The built file, as Node loads it (a variable path keeps the type check independent of the build).
    const entry = "../../dist/index.js";
    const kit = await import(/* @vite-ignore */ entry);
    const sink = kit.memorySink();
    const html = renderToString(
      createElement(
        kit.FeedbackProvider,
        { sink, context: { app: "ssr" } },
        createElement(
          kit.FeedbackMessage,
          { messageId: "m-1", content: "Hello" },
          createElement("p", null, "Hello"),
          createElement(kit.ThumbsFeedback, null),
        ),
      ),
    );
    expect(html).toContain("<p>Hello</p>");
    expect(html).toContain('aria-label="Good response"');
    expect(sink.events).toEqual([]);
  });

  // Server Components exist from React 19 on; on React 18 there is no react-server build to load.
  it.runIf(Number.parseInt(reactVersion, 10) >= 19)(
    "works under the react-server condition as an RSC bundler loads it",
    () => {
      const output = execFileSync(process.execPath, ["--conditions=react-server", "test/node/rsc/render-flight.mjs"], {
        cwd: root,
        encoding: "utf8",
      });
      expect(JSON.parse(output)).toEqual({
        clientReferences: true,
        clientExportCount: expect.any(Number),
        serverValidates: true,
        flightHasReference: true,
        flightHasProps: true,
        flightHasWidgets: true,
        flightHasWidgetProps: true,
        windowDefined: false,
        documentDefined: false,
      });
    },
  );
});
