import { useCallback, useEffect, useRef, useState } from "react";
import type { PromptMessage } from "../../src";
import { answerIds } from "./ids";
import { answersFor, followUpFor } from "./script";

/** How the fake assistant streams: word by word like a model, or the whole answer at once (for tests). */
export type StreamSpeed = "typing" | "instant";

export interface UserTurn {
  role: "user";
  id: string;
  text: string;
}

export interface AnswerTurn {
  role: "assistant";
  id: string;
  traceId: string;
  spanId: string;
  /** The answer so far; the whole answer once `status` is "done". */
  text: string;
  status: "streaming" | "done";
  /** 1 for the first answer of the conversation, and the same number after a regenerate. */
  position: number;
  /** The conversation that produced the answer, up to and including the question. */
  prompt: PromptMessage[];
  /** The answer this one replaced, when it came from a regenerate. */
  replaces?: string;
  variant: number;
}

export type Turn = UserTurn | AnswerTurn;

/** A question the assistant drafted for the user, put into the composer to edit before sending. */
export interface Suggestion {
  id: string;
  text: string;
}

const TOKEN_MS = 28;

/** Splits an answer into the pieces a model would stream: words with the whitespace before them. */
function tokens(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [text];
}

function promptBefore(turns: readonly Turn[], index: number): PromptMessage[] {
  return turns.slice(0, index).map((turn) => ({ role: turn.role, content: turn.text }));
}

/**
 * A stand-in for a model behind an API: canned answers (see script.ts) streamed with timers, so the demo runs
 * with no network. Ids come from a seeded generator, so every run of a story shows the same ids.
 */
export function useFakeAssistant({ speed, initial = [] }: { speed: StreamSpeed; initial?: readonly string[] }) {
  const answerCount = useRef(0);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const [turns, setTurns] = useState<Turn[]>(() => {
    const start: Turn[] = [];
    initial.forEach((question, i) => {
      start.push({ role: "user", id: `question-${i + 1}`, text: question });
      answerCount.current += 1;
      start.push({
        role: "assistant",
        ...answerIds(answerCount.current),
        text: answersFor(question)[0] ?? "",
        status: "done",
        position: i + 1,
        prompt: promptBefore(start, start.length),
        variant: 0,
      });
    });
    return start;
  });

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  const later = useCallback((run: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      run();
    }, ms);
    timers.current.add(timer);
  }, []);

  /** Streams `full` into the answer `id`; resolves when it is done. */
  const stream = useCallback(
    (id: string, full: string) =>
      new Promise<void>((resolve) => {
        const pieces = speed === "instant" ? [full] : tokens(full);
        const step = (i: number) => {
          const text = pieces.slice(0, i + 1).join("");
          const done = i === pieces.length - 1;
          setTurns((all) =>
            all.map((turn) =>
              turn.id === id && turn.role === "assistant"
                ? { ...turn, text, status: done ? "done" : "streaming" }
                : turn,
            ),
          );
          if (done) resolve();
          else later(() => step(i + 1), TOKEN_MS);
        };
        later(() => step(0), speed === "instant" ? 0 : TOKEN_MS * 4);
      }),
    [speed, later],
  );

  const newAnswer = useCallback((turnsBefore: readonly Turn[], position: number) => {
    answerCount.current += 1;
    const answer: AnswerTurn = {
      role: "assistant",
      ...answerIds(answerCount.current),
      text: "",
      status: "streaming",
      position,
      prompt: turnsBefore.map((turn) => ({ role: turn.role, content: turn.text })),
      variant: 0,
    };
    return answer;
  }, []);

  const [suggestion, setSuggestion] = useState<Suggestion | undefined>(undefined);

  // The latest turns for the handlers below, which run in events, after the render that showed them.
  const current = useRef(turns);
  current.current = turns;

  /** Adds the question and streams an answer to it. */
  const ask = useCallback(
    (question: string) => {
      const all = current.current;
      const position = all.filter((turn) => turn.role === "user").length + 1;
      const withQuestion: Turn[] = [...all, { role: "user", id: `question-${position}`, text: question }];
      const answer = newAnswer(withQuestion, position);
      current.current = [...withQuestion, answer];
      setTurns(current.current);
      setSuggestion(undefined);
      return stream(answer.id, answersFor(question)[0] ?? "");
    },
    [newAnswer, stream],
  );

  /** Replaces the answer `id` with another answer to the same question, streamed. */
  const regenerate = useCallback(
    (id: string) => {
      const all = current.current;
      const index = all.findIndex((turn) => turn.id === id);
      const old = all[index];
      if (old?.role !== "assistant") return Promise.resolve();
      const answers = answersFor(all[index - 1]?.text ?? "");
      const variant = (old.variant + 1) % answers.length;
      const replacement: AnswerTurn = { ...newAnswer(all.slice(0, index), old.position), replaces: old.id, variant };
      current.current = all.map((turn, i) => (i === index ? replacement : turn));
      setTurns(current.current);
      return stream(replacement.id, answers[variant] ?? "");
    },
    [newAnswer, stream],
  );

  /** Drafts a follow-up to the last question. */
  const suggest = useCallback(() => {
    const lastQuestion = current.current.findLast((turn) => turn.role === "user");
    answerCount.current += 1;
    setSuggestion({ id: answerIds(answerCount.current).id, text: followUpFor(lastQuestion?.text ?? "") });
  }, []);

  const streaming = turns.some((turn) => turn.role === "assistant" && turn.status === "streaming");
  return { turns, ask, regenerate, suggest, suggestion, streaming };
}
