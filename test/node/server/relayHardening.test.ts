// The relay tried from outside, as a stranger's page or a hostile client would: origins it must refuse, secrets
// it must never show, and requests built to make its answer or its memory explode.
import type { FeedbackError } from "../../../src/errors";
import { loopbackOrigin } from "../../../src/server/cors";
import { createFeedbackHandler, type RelayResponse } from "../../../src/server/createFeedbackHandler";
import { callbackSink } from "../../../src/sinks/callbackSink";
import { langfuseSink } from "../../../src/sinks/langfuseSink";
import { langsmithApiSink } from "../../../src/sinks/langsmithApiSink";
import { memorySink } from "../../../src/sinks/memorySink";
import { otlpSink } from "../../../src/sinks/otlpSink";
import { phoenixSink } from "../../../src/sinks/phoenixSink";
import type { FeedbackSink } from "../../../src/sinks/types";
import { event, RUN_ID } from "../support/events";
import { vendorServer } from "../support/vendorServer";

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request("http://relay.test/api/feedback", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const vote = () => event({ type: "rating", value: "down", previous: null });
const KIB = 1024;

describe("the relay enforces CORS on the request itself", () => {
  it("answers 403 to a text/plain beacon from an origin it does not allow, and stores nothing", async () => {
    const sink = memorySink();
    const handler = createFeedbackHandler({ sinks: sink, cors: { origins: ["https://app.example"] } });
    const one = vote();
    const beacon = (origin: string) =>
      handler(post({ events: [one] }, { "content-type": "text/plain;charset=UTF-8", origin }));
    const refused = await beacon("https://evil.example");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect(((await refused.json()) as RelayResponse).accepted).toEqual([]);
    expect(sink.events).toEqual([]);
    expect((await beacon("null")).status).toBe(403);
    expect(sink.events).toEqual([]);
    const allowed = await beacon("https://app.example");
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(sink.events).toEqual([one]);
  });

  it("without cors, takes same-origin requests (even behind a proxy that ends TLS) and requests with no Origin", async () => {
    const sink = memorySink();
    const handler = createFeedbackHandler({ sinks: sink });
    expect((await handler(post({ events: [vote()] }, { origin: "https://relay.test" }))).status).toBe(200);
    expect((await handler(post({ events: [vote()] }))).status).toBe(200);
    expect((await handler(post({ events: [vote()] }, { origin: "https://other.test" }))).status).toBe(403);
    expect(sink.events).toHaveLength(2);
  });

  it('refuses origins "*" with credentials when created, with a sentence saying what to do', () => {
    expect(() => createFeedbackHandler({ sinks: memorySink(), cors: { origins: "*", credentials: true } })).toThrow(
      /List the origins that may send/,
    );
    expect(() => createFeedbackHandler({ sinks: memorySink(), cors: { origins: "*" } })).not.toThrow();
  });

  it("tells loopback origins (any port) from others", () => {
    for (const origin of [
      "http://localhost:6006",
      "http://127.0.0.1:5173",
      "http://[::1]:3000",
      "http://app.localhost",
    ]) {
      expect(loopbackOrigin(origin), origin).toBe(true);
    }
    for (const origin of ["https://localhost.evil.example", "http://127.0.0.1.nip.io", "null", "http://10.0.0.2"]) {
      expect(loopbackOrigin(origin), origin).toBe(false);
    }
  });
});

describe("the relay never returns or logs a configured secret, in any encoding", () => {
  const LANGFUSE_PK = "pk-lf-0d9a2c11";
  const LANGFUSE_SK = "sk-lf-7e31c0de-5b2a";
  const PHOENIX_KEY = "phx_9f8e7d6c5b4a39281706";
  const OTLP_TOKEN = "otlp-ingest-Zq81x0Lm";
  const LEGACY_LANGSMITH = "ls__6c2b9e0a41f74d3e";

  // Every way a careless vendor or proxy could echo what it was sent.
  const echoes = (secret: string) => [
    secret,
    encodeURIComponent(`${secret}/=`),
    btoa(secret),
    btoa(`x${secret}`),
    btoa(`xy${secret}`),
    Buffer.from(secret).toString("base64url"),
  ];

  it.each([
    [
      "langfuse",
      LANGFUSE_SK,
      (url: string) => langfuseSink({ baseUrl: url, publicKey: LANGFUSE_PK, secretKey: LANGFUSE_SK }),
    ],
    ["phoenix", PHOENIX_KEY, (url: string) => phoenixSink({ baseUrl: url, apiKey: PHOENIX_KEY })],
    [
      "otlp",
      OTLP_TOKEN,
      (url: string) => otlpSink({ url: `${url}/v1/logs`, headers: { "x-ingest-token": OTLP_TOKEN } }),
    ],
    [
      "langsmith (legacy key)",
      LEGACY_LANGSMITH,
      (url: string) => langsmithApiSink({ apiUrl: url, apiKey: LEGACY_LANGSMITH }),
    ],
  ] as [string, string, (url: string) => FeedbackSink][])(
    "%s: a vendor that echoes its credentials back",
    async (_name, secret, makeSink) => {
      const vendor = await vendorServer((request) => {
        const sent = Object.values(request.headers).join(" ");
        // Langfuse's base64(pk:sk) without "Basic ", and each encoding of the key itself.
        const basic = sent.match(/Basic (\S+)/)?.[1] ?? "";
        return { status: 401, body: { message: `denied ${basic} ${echoes(secret).join(" ")} ${sent}` } };
      });
      try {
        const errors: string[] = [];
        const handler = createFeedbackHandler({
          sinks: makeSink(vendor.url),
          onError: (error) => errors.push(`${error.message} ${String((error as { cause?: unknown }).cause ?? "")}`),
        });
        const one = event({ type: "rating", value: "down", previous: null }, { runId: RUN_ID });
        const response = await handler(post({ events: [one] }));
        const text = await response.text();
        expect(vendor.received.length).toBeGreaterThan(0);
        expect(text).toContain("[redacted]");
        for (const output of [text, ...errors]) {
          for (const form of [...echoes(secret), btoa(`${LANGFUSE_PK}:${LANGFUSE_SK}`)]) {
            expect(output).not.toContain(form);
          }
          // No piece of the secret long enough to matter survives.
          expect(output).not.toContain(secret.slice(-8));
        }
      } finally {
        await vendor.close();
      }
    },
  );

  it("scrubs secrets passed as the secrets option from a throwing custom sink's report", async () => {
    const errors: FeedbackError[] = [];
    const handler = createFeedbackHandler({
      secrets: ["hunter2-custom-key"],
      sinks: callbackSink(() => {
        throw new Error(`POST https://api.example/ingest?key=${encodeURIComponent("hunter2-custom-key")} failed`);
      }),
      onError: (error) => errors.push(error),
    });
    expect((await handler(post({ events: [vote()] }))).status).toBe(503);
    expect(String((errors[0] as { cause?: unknown }).cause)).not.toContain("hunter2");
  });
});

describe("the relay's answer and memory stay bounded", () => {
  it("answers 413 to more than 1,000 events and stores none of them", async () => {
    const sink = memorySink();
    const handler = createFeedbackHandler({ sinks: sink });
    const many = Array.from({ length: 1001 }, () => vote());
    const response = await handler(post({ events: many }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as RelayResponse).error).toMatch(/at most 1000 events/);
    expect(sink.events).toEqual([]);
    // 524,288 zeros in 1 MiB: refused by count, before any event is looked at.
    const zeros = `{"events":[${"0,".repeat(524_287)}0]}`;
    expect((await createFeedbackHandler({ sinks: sink, maxBodyBytes: 2 * 1024 * 1024 })(post(zeros))).status).toBe(413);
  });

  const size = async (response: Response) => (await response.arrayBuffer()).byteLength;

  it("answers 1,000 events of any kind in under 64 KiB", async () => {
    const longKey = "k".repeat(400);
    const hostile = [
      // Not events at all.
      Array.from({ length: 1000 }, () => 0),
      // Long ids and field names that a naive answer would echo.
      Array.from({ length: 1000 }, (_, i) => ({ id: `${i}`.padEnd(400, "x"), type: "rating", [`${longKey}${i}`]: 1 })),
      Array.from({ length: 1000 }, (_, i) => ({ ...vote(), [`${longKey}${i}`]: 1 })),
    ];
    for (const events of hostile) {
      const response = await createFeedbackHandler({ sinks: memorySink() })(post({ events }));
      expect(response.status).toBe(400);
      expect(await size(response)).toBeLessThan(64 * KIB);
    }
    const valid = Array.from({ length: 1000 }, () => vote());
    const accepted = await createFeedbackHandler({ sinks: memorySink() })(post({ events: valid }));
    expect(accepted.status).toBe(200);
    expect(await size(accepted)).toBeLessThan(64 * KIB);
    // A vendor that refuses each event with its own long reason.
    const refusing = createFeedbackHandler({
      sinks: callbackSink((events) => ({
        accepted: events.slice(0, 500).map((e) => e.id),
        retry: [],
        rejected: events.slice(500).map((e, i) => ({ id: e.id, reason: `${i}: ${"no ".repeat(200)}` })),
      })),
    });
    const mixed = await refusing(post({ events: Array.from({ length: 1000 }, () => vote()) }));
    expect(mixed.status).toBe(207);
    const body = (await mixed.clone().json()) as RelayResponse;
    expect(body.accepted).toHaveLength(500);
    expect(body.rejected.flatMap((group) => group.ids)).toHaveLength(500);
    expect(await size(mixed)).toBeLessThan(64 * KIB);
  });
});
