import type { PreferenceEvent, PromptMessage, RatingEvent, RatingValue, RegenerateEvent } from "../events/types";
import { isLaterRating } from "./latestRating";
import { outranks, type PairChoice, pairChoiceOf } from "./pairChoice";
import { recentHashes } from "./recentHashes";
import { isSamePrompt, samePromptHash } from "./samePrompt";
import type { DatasetReport } from "./types";

/**
 * The latest rating of one `feedbackKey`: only the fields the datasets write, never the whole event. `reasons`,
 * `comment`, `traceId` and `spanId` are kept only by groups that keep `"details"` (empty and undefined otherwise).
 */
export interface RatedAnswer {
  feedbackKey: string;
  ts: string;
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

/** An answer the user replaced by asking for another one (`traceId`, `spanId`: with `"details"` only). */
export interface ReplacedAnswer {
  messageId: string;
  /** `previousContent`, else `content`, of the regenerate event. */
  content: string | undefined;
  traceId: string | undefined;
  spanId: string | undefined;
}

/** Every rated, replaced or compared answer to one prompt (see `samePromptKey`). */
export interface AnswerGroup {
  /** `samePromptHash` of the group's events. */
  hash: number;
  /** The first event's `sessionId` and `messageId`: with `prompt`, what `isSamePrompt` compares. */
  sessionId: string | undefined;
  messageId: string;
  /** Undefined when the events carried no prompt: then the group holds one message's answers. */
  prompt: PromptMessage[] | undefined;
  /** The latest rating per `feedbackKey` (a few per prompt: an array searched in order beats a Map). */
  ratings: RatedAnswer[];
  replaced: ReplacedAnswer[];
  /** The standing choice per pair of answers (`feedbackKey`): the strongest source, then the latest. */
  choices: PairChoice[];
}

/** The events answer groups gather. */
export type GroupedEvent = RatingEvent | RegenerateEvent | PreferenceEvent;
// What a group holds before its first answer, and a rating without reasons: shared, never written to (a
// group's first answer gets an array of its own). A group lives long, so each object it holds costs a copy
// into the old generation.
const NONE: never[] = Object.freeze([]) as never[];

// `text`, as the string the group holds already when equal: each parsed event brings its own copy, and most of
// a group's answers are of the message that opened it.
function sameString(text: string, held: string): string {
  return text === held ? held : text;
}

// An open group in the recency list: a doubly linked list makes "touch" and "settle the oldest" O(1).
interface OpenGroup extends AnswerGroup {
  older: OpenGroup | undefined;
  newer: OpenGroup | undefined;
}

/**
 * Gathers ratings, regenerates and preferences into answer groups, one per prompt, and hands each group to `settle` once no
 * more events can change it: at `end`, or earlier when more than `maxOpen` groups are open (the least recently
 * touched one goes first). Memory: at most `maxOpen` groups, each holding its prompt once, each distinct
 * rated or replaced answer once and the standing choice of each compared pair of answers, plus the 53-bit hashes of the last 4 to 8 × `maxOpen` settled groups, which
 * turn a later event about a settled group into a `late` count instead of a second, conflicting row.
 *
 * `keep`: `"details"` keeps each answer's reasons, comment and trace ids, for the datasets that write them;
 * `"texts"` keeps none of them. A group lives long, and the garbage collector copies all it holds into the old
 * generation: the datasets that write only texts are faster for holding less.
 */
export function answerGroups<Row>(
  maxOpen: number,
  report: DatasetReport,
  keep: "texts" | "details",
  settle: (group: AnswerGroup, out: Row[]) => void,
) {
  const details = keep === "details";
  // Keyed by the prompt's hash, not its text: no key string is built per event (see `isSamePrompt`).
  const open = new Map<number, OpenGroup>();
  const settled = recentHashes(maxOpen * 4);
  let oldest: OpenGroup | undefined;
  let newest: OpenGroup | undefined;

  function unlink(group: OpenGroup) {
    if (group.older) group.older.newer = group.newer;
    else oldest = group.newer;
    if (group.newer) group.newer.older = group.older;
    else newest = group.older;
    group.older = undefined;
    group.newer = undefined;
  }

  function append(group: OpenGroup) {
    group.older = newest;
    if (newest) newest.newer = group;
    else oldest = group;
    newest = group;
  }

  function settleOldest(out: Row[]) {
    const group = oldest as OpenGroup;
    unlink(group);
    open.delete(group.hash);
    settled.add(group.hash);
    settle(group, out);
    // A settled group often sits in the old generation until the next full collection, and the young
    // collector keeps alive whatever such an object points to: cleared, it holds no answer past its settling.
    group.prompt = undefined;
    group.ratings = NONE;
    group.replaced = NONE;
    group.choices = NONE;
  }

  function groupFor(event: GroupedEvent, out: Row[]): AnswerGroup | undefined {
    const hash = samePromptHash(event);
    let group = open.get(hash);
    if (group) {
      // Two prompts with one 53-bit hash (odds near 1 in 2^53) are never merged: the event counts as late,
      // as one whose hash matches a settled group's does.
      if (!isSamePrompt(event, group)) {
        report.late++;
        return undefined;
      }
      if (group !== newest) {
        unlink(group);
        append(group);
      }
      return group;
    }
    if (settled.has(hash)) {
      report.late++;
      return undefined;
    }
    group = {
      hash,
      sessionId: event.sessionId,
      messageId: event.messageId,
      prompt: event.prompt,
      ratings: NONE,
      replaced: NONE,
      choices: NONE,
      older: undefined,
      newer: undefined,
    };
    open.set(hash, group);
    append(group);
    if (open.size > maxOpen) settleOldest(out);
    return group;
  }

  return {
    add(event: GroupedEvent, out: Row[]): void {
      const group = groupFor(event, out);
      if (!group) return;
      if (event.type === "preference") {
        const { choices } = group;
        const index = choices.findIndex((choice) => choice.feedbackKey === event.feedbackKey);
        const choice = pairChoiceOf(event);
        const current = choices[index];
        if (choices.length === 0) group.choices = [choice];
        else if (!current) choices.push(choice);
        else if (outranks(choice, current)) choices[index] = choice;
        return;
      }
      if (event.type === "regenerate") {
        const content = event.previousContent ?? event.content;
        // The same answer replaced twice (a retried click under a new id) is one answer.
        if (content !== undefined && group.replaced.some((answer) => answer.content === content)) return;
        const answer: ReplacedAnswer = {
          messageId: sameString(event.messageId, group.messageId),
          content,
          traceId: details ? event.traceId : undefined,
          spanId: details ? event.spanId : undefined,
        };
        if (group.replaced.length === 0) group.replaced = [answer];
        else group.replaced.push(answer);
        return;
      }
      const { ratings } = group;
      let index = 0;
      while (index < ratings.length && (ratings[index] as RatedAnswer).feedbackKey !== event.feedbackKey) index++;
      const current = ratings[index];
      if (current && !isLaterRating(event, current)) return;
      const rated: RatedAnswer = {
        feedbackKey: event.feedbackKey,
        ts: event.ts,
        id: event.id,
        messageId: sameString(event.messageId, group.messageId),
        value: event.value,
        content: event.content,
        reasons: (details && event.reasons) || NONE,
        comment: details ? event.comment : undefined,
        traceId: details ? event.traceId : undefined,
        spanId: details ? event.spanId : undefined,
      };
      // The first answer gets an array of its own size (here and above): an empty array grown by one element
      // reserves room for 16.
      if (ratings.length === 0) group.ratings = [rated];
      else ratings[index] = rated;
    },
    end(out: Row[]): void {
      while (open.size > 0) settleOldest(out);
    },
  };
}
