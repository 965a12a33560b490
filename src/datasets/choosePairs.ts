import type { AnswerGroup } from "./answerGroups";
import { isUsable, judgeAnswers } from "./judgeAnswers";
import { isSamePair, type KnownAnswer, type PairChoice, strongestFirst } from "./pairChoice";
import type { DatasetReport } from "./types";

/** One preference pair of texts, before it is written in a format. */
export interface TextPair {
  chosen: string;
  rejected: string;
}

/**
 * An answer of a choice with its text: the one the preference event carried, else the text a rating or a
 * regenerate of the same message carried in this group.
 */
export function withText(answer: KnownAnswer, group: AnswerGroup): KnownAnswer {
  if (answer.content !== undefined) return answer;
  const content =
    group.ratings.find((rating) => rating.messageId === answer.messageId && rating.content !== undefined)?.content ??
    group.replaced.find((replaced) => replaced.messageId === answer.messageId)?.content;
  return content === undefined ? answer : { messageId: answer.messageId, content };
}

/** A group's choices, the one that decides first, each answer with the text the group knows for it. */
export function rankedChoices(group: AnswerGroup): PairChoice[] {
  if (group.choices.length === 0) return [];
  return [...group.choices].sort(strongestFirst).map((choice) => ({
    ...choice,
    chosen: withText(choice.chosen, group),
    rejected: withText(choice.rejected, group),
  }));
}

const NO_PAIRS: TextPair[] = Object.freeze([]) as never[];

/**
 * The preference pairs of one prompt's answers, exactly one decision per pair of answers, by rank: a choice
 * asked side by side (`compare`) outranks a version kept (`kept`), which outranks votes and regenerates; within
 * one source the latest choice wins. A `tie` decides its pair (the user said neither is better) but writes no
 * pair. Pairs from votes, each answer voted up over each voted down or replaced (see `judgeAnswers`), come only
 * for the pairs no choice decided. Counts ties, and choices whose texts are unknown, in `report`.
 */
export function choosePairs(group: AnswerGroup, report: DatasetReport): TextPair[] {
  // Most prompts get one answer and no choice: no pair, only the counts `judgeAnswers` would keep.
  if (group.choices.length === 0 && group.ratings.length + group.replaced.length < 2) {
    for (const rating of group.ratings) isUsable(rating, report);
    for (const answer of group.replaced) isUsable(answer, report);
    return NO_PAIRS;
  }
  const pairs: TextPair[] = [];
  const decided: [KnownAnswer, KnownAnswer][] = [];
  for (const choice of rankedChoices(group)) {
    const answers: [KnownAnswer, KnownAnswer] = [choice.chosen, choice.rejected];
    if (decided.some((pair) => isSamePair(pair, answers))) continue;
    decided.push(answers);
    const { chosen, rejected } = choice;
    if (choice.strength === "tie") report.ties++;
    else if (chosen.content === undefined || rejected.content === undefined) report.withoutText++;
    // Two versions with one text: nothing to learn from.
    else if (chosen.content !== rejected.content) pairs.push({ chosen: chosen.content, rejected: rejected.content });
  }
  const { good, bad } = judgeAnswers(group, report);
  for (const chosen of good) {
    for (const rejected of bad) {
      if (decided.length > 0 && decided.some((pair) => isSamePair(pair, [chosen, rejected]))) continue;
      pairs.push({ chosen: chosen.content, rejected: rejected.content });
    }
  }
  return pairs;
}
