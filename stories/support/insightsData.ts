// Seeded feedback for the insights stories: thirty days of two prompt versions, streamed straight into a
// summarizer so even the million-event data set never holds its events.

import type { FeedbackEvent } from "../../src/events/types";
import { createSummarizer } from "../../src/insights/summarize";
import type { InsightsSummary, SummarizeOptions } from "../../src/insights/types";
import { seededRandom } from "../../test/support/seededRandom";

const REASONS = ["hallucination", "format", "refusal", "length", "instructions", "unsafe", "other"];
const COMMENTS = [
  "Quoted a policy that does not exist.",
  "Gave me a table when I asked for one line.",
  "Refused to answer a normal billing question.",
  "Far too long; the answer was in the last sentence.",
  "Ignored that I said I am on the free plan.",
];
const DAY = 86_400_000;

/** Yields `answers` answers' worth of events over 30 days; version 2 of the prompt does better than version 1. */
export function* seededFeedback(answers: number, seed = 7): Generator<FeedbackEvent> {
  const random = seededRandom(seed);
  const start = Date.parse("2026-11-01T08:00:00.000Z");
  let n = 0;
  // Formatting a date is the slowest part of making an event: reuse the string within a second.
  let second = -1;
  let secondIso = "";
  const iso = (time: number) => {
    const at = Math.floor(time / 1000);
    if (at !== second) {
      second = at;
      secondIso = new Date(at * 1000).toISOString();
    }
    return secondIso;
  };
  const event = (messageId: string, time: number, version: string, payload: object): FeedbackEvent => {
    n++;
    return {
      id: `0190${n.toString(16).padStart(4, "0").slice(-4)}-0000-7000-8000-${n.toString(16).padStart(12, "0")}`,
      v: 1,
      ts: iso(time),
      messageId,
      feedbackKey: (payload as { type: string }).type === "rating" ? `${messageId}:rating` : `e${n}`,
      traceId: (n * 2654435761).toString(16).padStart(32, "0").slice(-32),
      app: "support-bot",
      environment: "production",
      metadata: { promptVersion: version, model: random() < 0.5 ? "model-a" : "model-b" },
      ...payload,
    } as unknown as FeedbackEvent;
  };
  for (let i = 0; i < answers; i++) {
    const messageId = `answer-${i}`;
    const time = start + Math.floor((i / answers) * 30 * DAY) + Math.floor(random() * 3_600_000);
    const version = i % 2 === 0 ? "v1" : "v2";
    const goodOdds = version === "v1" ? 0.62 : 0.74;
    const roll = random();
    if (roll < 0.18) {
      const up = random() < goodOdds;
      yield event(messageId, time, version, { type: "rating", value: up ? "up" : "down", previous: null });
      if (!up && random() < 0.6) {
        const reason = REASONS[Math.floor(random() ** 2 * REASONS.length)] as string;
        const comment = random() < 0.5 ? COMMENTS[Math.floor(random() * COMMENTS.length)] : undefined;
        yield event(messageId, time + 8000, version, {
          type: "rating",
          value: "down",
          previous: "down",
          reasons: [reason],
          ...(comment ? { comment } : {}),
        });
      }
    } else if (roll < 0.3) {
      yield event(messageId, time, version, {
        type: "copy",
        source: random() < 0.5 ? "code" : random() < 0.6 ? "button" : "selection",
        chars: 80,
        fraction: 0.4,
      });
    } else if (roll < 0.38) {
      const attempts = 1 + Math.floor(random() ** 3 * 5);
      for (let attempt = 1; attempt <= attempts; attempt++)
        yield event(messageId, time + attempt * 5000, version, { type: "regenerate", attempt });
    } else if (roll < 0.43) {
      const similarity = Math.round(random() ** 0.5 * 10_000) / 10_000;
      const changed = Math.round((1 - similarity) * 40);
      yield event(messageId, time, version, {
        type: "edit",
        draft: "Refunds take five to seven business days to appear on your statement.",
        final:
          similarity === 1
            ? "Refunds take five to seven business days to appear on your statement."
            : "Refunds take up to ten business days, depending on your bank.",
        diff: [[0, "Refunds take"]],
        stats: {
          wordsAdded: Math.ceil(changed / 2),
          wordsRemoved: Math.floor(changed / 2),
          wordsKept: 6,
          editRate: 0.5,
          similarity,
          charsAdded: changed * 4,
          charsRemoved: changed * 4,
        },
        durationMs: 12_000,
        accepted: similarity === 1,
      });
    } else if (roll < 0.6) {
      yield event(messageId, time, version, {
        type: "abandon",
        dwellMs: Math.floor(random() ** 2 * 90_000),
        cause: "hidden",
      });
    } else if (roll < 0.64) {
      // Asked again, then chose between the two versions side by side, or went back to the first and kept it.
      const asked = random() < 0.7;
      const pick = random();
      yield event(`${messageId}-b`, time + 20_000, version, {
        type: "preference",
        feedbackKey: `${messageId}-a|${messageId}-b:preference`,
        rejectedMessageId: `${messageId}-a`,
        source: asked ? "compare" : "kept",
        strength: asked ? (pick < 0.15 ? "tie" : pick < 0.45 ? "slight" : "clear") : "slight",
      });
    }
  }
}

/** The summary of `answers` seeded answers, split by prompt version unless told otherwise. */
export function seededSummary(
  answers: number,
  options: SummarizeOptions = { splitBy: "metadata.promptVersion" },
): InsightsSummary {
  const summarizer = createSummarizer(options);
  for (const event of seededFeedback(answers)) summarizer.add(event);
  return summarizer.summary();
}
