// A seeded generator of realistic collector files for the export benchmark and tests: many conversations at
// once, each message's events close together as a collector appends them, with retried (duplicate) lines and
// a few broken ones. The same seed gives the same bytes.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { jsonlFileSource } from "../../src/cli/jsonlEvents";
import { jsonlFileStore } from "../../src/cli/jsonlFileStore";
import { seededRandom } from "../support/seededRandom";

function hex(random: () => number, digits: number): string {
  let out = "";
  while (out.length < digits)
    out += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, "0");
  return out.slice(0, digits);
}

function uuidv7(ms: number, random: () => number): string {
  const time = ms.toString(16).padStart(12, "0");
  const variant = "89ab"[Math.floor(random() * 4)];
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(random, 3)}-${variant}${hex(random, 3)}-${hex(random, 12)}`;
}

const TOPICS = ["invoice", "refund", "password reset", "shipping delay", "API rate limit", "data export", "SSO login"];
const REASONS = ["hallucination", "format", "refusal", "length", "instructions", "unsafe", "other"];
const SENTENCES = [
  "You can change this in Settings under Billing.",
  "The export runs overnight and emails you a link.",
  "Rate limits reset every minute per API key.",
  "Refunds take five to seven business days to appear.",
  "Single sign-on needs an admin to connect your identity provider.",
  "Open the order page and choose Track shipment.",
];

type Event = Record<string, unknown>;

/**
 * A family of input: which stories users make (the shares of each, in the order of `story` below, summing to
 * 1), how long the answers are, and how many lines repeat an earlier one (a retried delivery).
 *
 * - mixed: every kind of event, as a support bot collects them;
 * - ratings: votes and regenerates only, what a thumbs-only app collects;
 * - edits: mostly edits of long answers (8 to 20 sentences), the heaviest lines;
 * - duplicates: mixed, with about one line in five a retried delivery.
 */
export type EventFamily = "mixed" | "ratings" | "edits" | "duplicates";

interface FamilyShape {
  // Where each kind of story ends on a roll of the dice in [0, 1): up; down then down again with a reason;
  // regenerate then vote; edit; up then withdrawn; copy; above the last, abandon.
  kinds: [number, number, number, number, number, number];
  sentences: [number, number];
  // A roll below this repeats the last line (below 0.001, a broken line is written instead).
  repeatBelow: number;
}

const MIXED: FamilyShape = { kinds: [0.3, 0.5, 0.6, 0.72, 0.76, 0.88], sentences: [2, 2], repeatBelow: 0.011 };
const FAMILIES: Record<EventFamily, FamilyShape> = {
  mixed: MIXED,
  ratings: { kinds: [0.45, 0.75, 0.95, 0.95, 1, 1], sentences: [2, 2], repeatBelow: 0.011 },
  edits: { kinds: [0.1, 0.15, 0.2, 0.9, 0.9, 0.95], sentences: [8, 20], repeatBelow: 0.011 },
  duplicates: { ...MIXED, repeatBelow: 0.2 },
};
/** Every family, for a benchmark that measures each. */
export const EVENT_FAMILIES = Object.keys(FAMILIES) as EventFamily[];

interface Story {
  events: Event[];
}

/**
 * Yields `count` JSONL lines of collector output (without newlines), reproducible from `seed`. About 1 line in
 * 100 repeats an earlier event (a retried delivery) and 1 in 1,000 is broken.
 */
export function* generateEventLines(count: number, seed = 42, family: EventFamily = "mixed"): Generator<string> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const { kinds, sentences, repeatBelow } = FAMILIES[family];
  let clock = Date.parse("2026-03-01T00:00:00.000Z");
  let messages = 0;
  const answer = () => {
    const [fewest, most] = sentences;
    const length = fewest === most ? fewest : fewest + Math.floor(random() * (most - fewest + 1));
    return Array.from({ length }, () => pick(SENTENCES)).join(" ");
  };

  function envelope(type: string, message: Event): Event {
    clock += 1 + Math.floor(random() * 40);
    const id = uuidv7(clock, random);
    return {
      id,
      v: 1,
      type,
      ts: new Date(clock).toISOString(),
      messageId: message.messageId,
      feedbackKey: type === "rating" ? `${message.messageId}:rating` : id,
      traceId: message.traceId,
      spanId: hex(random, 16),
      sessionId: message.sessionId,
      userId: message.userId,
      app: "support-bot",
      content: message.content,
      prompt: message.prompt,
    };
  }

  // The events one assistant message gets, in the order a user makes them.
  function story(): Story {
    messages++;
    const session = Math.floor(random() * 50_000);
    const message: Event = {
      messageId: `msg-${messages}`,
      traceId: hex(random, 32),
      sessionId: `session-${session}`,
      userId: `user-${session % 20_000}`,
      content: answer(),
      prompt: [
        { role: "system", content: "You are the support assistant of Acme." },
        { role: "user", content: `How do I handle a ${pick(TOPICS)} (case ${messages % 997})?` },
      ],
    };
    const roll = random();
    const kind = kinds.findIndex((bound) => roll < bound);
    const events: Event[] = [];
    if (kind === 0) {
      events.push({ ...envelope("rating", message), value: "up", previous: null });
    } else if (kind === 1) {
      events.push({ ...envelope("rating", message), value: "down", previous: null });
      events.push({
        ...envelope("rating", message),
        value: "down",
        previous: "down",
        reasons: [pick(REASONS)],
        comment: "Not what I asked.",
      });
    } else if (kind === 2) {
      const replaced = message.content;
      events.push({ ...envelope("regenerate", message), attempt: 1, previousContent: replaced });
      const next = { ...message, messageId: `msg-${messages}-r`, content: answer() };
      events.push({ ...envelope("rating", next), value: random() < 0.7 ? "up" : "down", previous: null });
    } else if (kind === 3) {
      const draft = message.content as string;
      const final = `${draft} Contact support if it persists.`;
      events.push({
        ...envelope("edit", message),
        draft,
        final,
        diff: [
          [0, draft],
          [1, " Contact support if it persists."],
        ],
        stats: {
          wordsAdded: 5,
          wordsRemoved: 0,
          wordsKept: 18,
          editRate: 0.22,
          similarity: 0.84,
          charsAdded: 32,
          charsRemoved: 0,
        },
        durationMs: 5200,
        accepted: false,
      });
    } else if (kind === 4) {
      events.push({ ...envelope("rating", message), value: "up", previous: null });
      events.push({ ...envelope("rating", message), value: null, previous: "up" });
    } else if (kind === 5) {
      events.push({ ...envelope("copy", message), source: "button", chars: 90, fraction: 1 });
    } else {
      events.push({ ...envelope("abandon", message), dwellMs: 12_000, cause: "hidden" });
    }
    return { events };
  }

  // Several hundred conversations at once: their events interleave, each message's stay close together.
  const active: Story[] = Array.from({ length: 400 }, story);
  let lastLine = "";
  for (let written = 0; written < count; written++) {
    const roll = random();
    if (roll < 0.001) {
      yield pick(['{"id": "broken', '{"v":1,"type":"rating","messageId":""}', "not json at all"]);
      continue;
    }
    if (roll < repeatBelow && lastLine) {
      yield lastLine;
      continue;
    }
    const slot = Math.floor(random() * active.length);
    let current = active[slot] as Story;
    if (current.events.length === 0) {
      current = story();
      active[slot] = current;
    }
    lastLine = JSON.stringify(current.events.shift());
    yield lastLine;
  }
}

/** Writes `count` generated events to `path` as JSONL; resolves to the file's size in bytes. */
export async function writeEventsFile(
  path: string,
  count: number,
  seed = 42,
  family: EventFamily = "mixed",
): Promise<number> {
  const file = createWriteStream(path);
  let bytes = 0;
  let buffer = "";
  for (const line of generateEventLines(count, seed, family)) {
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      bytes += Buffer.byteLength(buffer);
      if (!file.write(buffer)) await once(file, "drain");
      buffer = "";
    }
  }
  bytes += Buffer.byteLength(buffer);
  file.end(buffer);
  await once(file, "finish");
  return bytes;
}

/**
 * Writes the events of the JSONL file `from` to `to` through the collector's store, as `serve` would have: each
 * valid event once, and the record that the collector checked the file (so an export may trust it).
 */
export async function writeCollectedFile(from: string, to: string): Promise<void> {
  const store = await jsonlFileStore(to);
  const source = await jsonlFileSource(from);
  for await (const { events } of source.read(() => {})) {
    // Large batches: this only prepares a bench's input, and each batch is synced to disk.
    for (let start = 0; start < events.length; start += 5000) await store.append(events.slice(start, start + 5000));
  }
  await store.close();
}
