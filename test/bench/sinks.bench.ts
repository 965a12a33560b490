// The cost of the relay and of the vendor mappings, each against a peer measured in the same run:
// - relay: createFeedbackHandler (validation, de-duplication, per-event answers) against a bare receiver that
//   only parses the body and answers 200, both for a batch of 20 events into a memory sink;
// - mapping: an event to its Langfuse scores, Phoenix annotation and OTLP record, against JSON.stringify of it;
// - ids: our synchronous UUID v5 against Node's native SHA-1 doing the same work.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createFeedbackHandler } from "../../src/server/createFeedbackHandler";
import { callbackSink } from "../../src/sinks/callbackSink";
import { langfuseScores } from "../../src/sinks/langfuseSink";
import { otlpLogRecord } from "../../src/sinks/otlpSink";
import { phoenixAnnotation } from "../../src/sinks/phoenixSink";
import { uuidv5 } from "../../src/sinks/vendor/stableId";
import { everyKind } from "../node/support/events";

const ROUNDS = 15;

async function median(run: (i: number) => unknown | Promise<unknown>, iterations: number): Promise<number> {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) await run(round * iterations + i);
    samples.push(((performance.now() - start) * 1000) / iterations);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

const RELAY_ITERATIONS = 100;
// Fresh event ids for every request, made before timing: the relay would answer repeated ids from memory.
const bodies = Array.from({ length: ROUNDS * RELAY_ITERATIONS }, () =>
  JSON.stringify({ events: [...everyKind(), ...everyKind()].slice(0, 20) }),
);
const request = (i: number) =>
  new Request("http://bench.test/feedback", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: bodies[i] as string,
  });

const nothing = () => callbackSink(() => undefined);
const relay = createFeedbackHandler({ sinks: nothing() });
const bareSink = nothing();
const bare = async (incoming: Request) => {
  const body = JSON.parse(await incoming.text()) as { events: never[] };
  await bareSink.send(body.events, { signal: new AbortController().signal, keepalive: false });
  return Response.json({ ok: true });
};

const figures: Record<string, number> = {};
figures.bareUs = await median((i) => bare(request(i)), RELAY_ITERATIONS);
figures.relayUs = await median((i) => relay(request(i)), RELAY_ITERATIONS);

const events = everyKind();
figures.mappingUs = await median(() => {
  for (const event of events) {
    langfuseScores(event);
    phoenixAnnotation(event);
    otlpLogRecord(event);
  }
}, 500);
figures.stringifyUs = await median(() => {
  for (const event of events) JSON.stringify(event);
}, 500);

const NAMESPACE = "6f0b3c55-2a51-4c36-9d8e-5b0c7f1d2e94";
figures.uuidv5Us = await median(
  () => uuidv5("0190a000-0000-7000-8000-000000000001\u0000user_feedback", NAMESPACE),
  5000,
);
figures.nodeSha1Us = await median(
  () => createHash("sha1").update(NAMESPACE).update("0190a000-0000-7000-8000-000000000001\u0000user_feedback").digest(),
  5000,
);

const ratios = {
  relayOverBare: figures.relayUs / figures.bareUs,
  mappingOverStringify: figures.mappingUs / figures.stringifyUs,
  uuidv5OverNodeSha1: figures.uuidv5Us / figures.nodeSha1Us,
};
console.log(
  `relay, 20-event batch:            ${figures.relayUs.toFixed(1)} µs median (bare receiver ${figures.bareUs.toFixed(1)} µs, ×${ratios.relayOverBare.toFixed(2)})`,
);
console.log(
  `3 vendor mappings, 12 events:     ${figures.mappingUs.toFixed(1)} µs median (JSON.stringify ${figures.stringifyUs.toFixed(1)} µs, ×${ratios.mappingOverStringify.toFixed(2)})`,
);
console.log(
  `stable id (UUID v5, plain code):  ${figures.uuidv5Us.toFixed(2)} µs median (node:crypto SHA-1 ${figures.nodeSha1Us.toFixed(2)} µs, ×${ratios.uuidv5OverNodeSha1.toFixed(2)})`,
);
mkdirSync("test/bench/results", { recursive: true });
writeFileSync("test/bench/results/sinks.json", `${JSON.stringify({ figures, ratios }, null, 2)}\n`);
