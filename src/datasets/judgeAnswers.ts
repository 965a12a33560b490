import type { AnswerGroup, RatedAnswer } from "./answerGroups";
import type { DatasetReport, RegressionSignal } from "./types";

/** An answer the user voted down or replaced. */
export interface BadAnswer {
  content: string;
  messageId: string;
  reasons: string[];
  comment: string | undefined;
  traceId: string | undefined;
  spanId: string | undefined;
  signal: RegressionSignal;
}

/** A group's answers sorted into good and bad, each text once. */
export interface JudgedAnswers {
  /** Answers whose latest vote is up. */
  good: (RatedAnswer & { content: string })[];
  /** Answers whose latest vote is down, then replaced answers nobody voted on. */
  bad: BadAnswer[];
}

/**
 * False for an answer no dataset can use, counted in `report`: a withdrawn vote, or an answer whose text is
 * unknown.
 */
export function isUsable<Answer extends { value?: RatedAnswer["value"]; content: string | undefined }>(
  answer: Answer,
  report: DatasetReport,
): answer is Answer & { content: string } {
  if (answer.value === null) {
    report.withdrawn++;
    return false;
  }
  if (answer.content === undefined) {
    report.withoutText++;
    return false;
  }
  return true;
}

/**
 * Sorts the answers of one prompt: the latest vote decides (a withdrawn vote is none); a replaced answer is
 * bad unless the user voted it up (a vote says more than a regenerate, which may just ask for variety); an
 * answer with the same text as one already sorted is the same answer. Counts withdrawn votes and answers whose
 * text is unknown in `report`.
 */
export function judgeAnswers(group: AnswerGroup, report: DatasetReport): JudgedAnswers {
  const good: JudgedAnswers["good"] = [];
  const bad: BadAnswer[] = [];
  // Texts already sorted; a handful per prompt, so an array.
  const sorted: string[] = [];
  for (const rating of group.ratings) {
    if (!isUsable(rating, report) || sorted.includes(rating.content)) continue;
    sorted.push(rating.content);
    const { content, messageId, reasons, comment, traceId, spanId } = rating;
    if (rating.value === "up") good.push(rating);
    else bad.push({ content, messageId, reasons, comment, traceId, spanId, signal: "down" });
  }
  for (const answer of group.replaced) {
    if (!isUsable(answer, report) || sorted.includes(answer.content)) continue;
    sorted.push(answer.content);
    bad.push({ ...answer, content: answer.content, reasons: [], comment: undefined, signal: "regenerate" });
  }
  return { good, bad };
}
