import type { PromptMessage, RatingEvent, RatingValue, RegenerateEvent } from "../events/types";
import { isLaterRating } from "./latestRating";
import { recentSet } from "./recentSet";
import { samePromptKey } from "./samePrompt";
import { stringHash } from "./stringHash";
import type { DatasetReport } from "./types";

/** The latest rating of one `feedbackKey`: only the fields the datasets write, never the whole event. */
export interface RatedAnswer {
  time: number;
  id: string;
  messageId: string;
  value: RatingValue;
  /** The answer as shown when it was rated. */
  content: string | undefined;
  reasons: string[];
  comment: string | undefined;
  traceId: string | undefined;
  spanId: string | undefined;
}

/** An answer the user replaced by asking for another one. */
export interface ReplacedAnswer {
  messageId: string;
  /** `previousContent`, else `content`, of the regenerate event. */
  content: string | undefined;
  traceId: string | undefined;
  spanId: string | undefined;
}

/** Every rated or replaced answer to one prompt (see `samePromptKey`). */
export interface AnswerGroup {
  /** Undefined when the events carried no prompt: then the group holds one message's answers. */
  prompt: PromptMessage[] | undefined;
  /** The latest rating per `feedbackKey`. */
  ratings: Map<string, RatedAnswer>;
  replaced: ReplacedAnswer[];
}

/**
 * Gathers ratings and regenerates into answer groups, one per prompt, and hands each group to `settle` once no
 * more events can change it: at `end`, or earlier when more than `maxOpen` groups are open (the least recently
 * touched one goes first). Memory: at most `maxOpen` groups, each holding its prompt once and the text of each
 * rated or replaced answer, plus the 53-bit hashes of the last `4 × maxOpen` settled groups, which turn a later
 * event about a settled group into a `late` count instead of a second, conflicting row.
 */
export function answerGroups<Row>(
  maxOpen: number,
  report: DatasetReport,
  settle: (group: AnswerGroup, out: Row[]) => void,
) {
  const open = new Map<string, AnswerGroup>();
  const settled = recentSet<number>(maxOpen * 4);

  function settleOldest(out: Row[]) {
    const [key, group] = open.entries().next().value as [string, AnswerGroup];
    open.delete(key);
    settled.add(stringHash(key));
    settle(group, out);
  }

  function groupFor(event: RatingEvent | RegenerateEvent, out: Row[]): AnswerGroup | undefined {
    const key = samePromptKey(event);
    let group = open.get(key);
    if (group) {
      // Map keeps insertion order: moving the group to the end makes the first one the least recently used.
      open.delete(key);
      open.set(key, group);
      return group;
    }
    if (settled.has(stringHash(key))) {
      report.late++;
      return undefined;
    }
    group = { prompt: event.prompt, ratings: new Map(), replaced: [] };
    open.set(key, group);
    if (open.size > maxOpen) settleOldest(out);
    return group;
  }

  return {
    add(event: RatingEvent | RegenerateEvent, out: Row[]): void {
      const group = groupFor(event, out);
      if (!group) return;
      if (event.type === "regenerate") {
        group.replaced.push({
          messageId: event.messageId,
          content: event.previousContent ?? event.content,
          traceId: event.traceId,
          spanId: event.spanId,
        });
        return;
      }
      const candidate = { time: Date.parse(event.ts), id: event.id };
      const current = group.ratings.get(event.feedbackKey);
      if (current && !isLaterRating(candidate, current)) return;
      group.ratings.set(event.feedbackKey, {
        ...candidate,
        messageId: event.messageId,
        value: event.value,
        content: event.content,
        reasons: event.reasons ?? [],
        comment: event.comment,
        traceId: event.traceId,
        spanId: event.spanId,
      });
    },
    end(out: Row[]): void {
      while (open.size > 0) settleOldest(out);
    },
  };
}
