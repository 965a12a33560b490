import { useCallback, useEffect, useRef, useState } from "react";
import type { PromptMessage } from "../../src";
import { freshIds } from "./ids";
import { answersFor, followUpFor } from "./script";

/** How the fake assistant streams: word by word like a model, or the whole answer at once (for tests). */
export type StreamSpeed = "typing" | "instant";

export interface UserTurn {
  role: "user";
  id: string;
  text: string;
}

/** One generated answer: a message of its own, with its own ids and trace. */
export interface AnswerVersion {
  id: string;
  traceId: string;
  spanId: string;
  /** The answer so far; the whole answer once `status` is "done". */
  text: string;
  status: "streaming" | "done";
  /** The answer this one replaced, when it came from a regenerate. */
  replaces?: string;
  /** Which of the question's canned answers this is. */
  variant: number;
}

/** The assistant's place in the conversation: every answer generated for it, one of them shown. */
export interface AnswerTurn {
  role: "assistant";
  /** Stable across regenerates: the turn, not a message. */
  id: string;
  /** 1 for the first answer of the conversation, and the same number after a regenerate. */
  position: number;
  /** The conversation that produced the answer, up to and including the question. */
  prompt: PromptMessage[];
  /** Oldest first; a regenerate adds one at the end and shows it. */
  versions: AnswerVersion[];
  shown: number;
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

export function shownVersion(turn: AnswerTurn): AnswerVersion {
  return turn.versions[turn.shown] ?? (turn.versions[0] as AnswerVersion);
}

function text(turn: Turn): string {
  return turn.role === "user" ? turn.text : shownVersion(turn).text;
}

function promptOf(turns: readonly Turn[]): PromptMessage[] {
  return turns.map((turn) => ({ role: turn.role, content: text(turn) }));
}

function newVersion(variant: number, replaces?: string): AnswerVersion {
  return { ...freshIds(), text: "", status: "streaming", variant, ...(replaces !== undefined && { replaces }) };
}

/**
 * A stand-in for a model behind an API: canned answers (see script.ts) streamed with timers, so the demo runs
 * with no network. Every answer gets fresh ids; a regenerate keeps the earlier answers, so the user can step
 * back to them.
 */
export function useFakeAssistant({ speed, initial = [] }: { speed: StreamSpeed; initial?: readonly string[] }) {
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const [turns, setTurns] = useState<Turn[]>(() => {
    const start: Turn[] = [];
    initial.forEach((question, i) => {
      start.push({ role: "user", id: `question-${i + 1}`, text: question });
      start.push({
        role: "assistant",
        id: `answer-${i + 1}`,
        position: i + 1,
        prompt: promptOf(start),
        versions: [{ ...newVersion(0), text: answersFor(question)[0] ?? "", status: "done" }],
        shown: 0,
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

  /** Streams `full` into the answer version `versionId`; resolves when it is done. */
  const stream = useCallback(
    (versionId: string, full: string) =>
      new Promise<void>((resolve) => {
        const pieces = speed === "instant" ? [full] : tokens(full);
        const step = (i: number) => {
          const sofar = pieces.slice(0, i + 1).join("");
          const done = i === pieces.length - 1;
          setTurns((all) =>
            all.map((turn) =>
              turn.role === "assistant" && turn.versions.some((version) => version.id === versionId)
                ? {
                    ...turn,
                    versions: turn.versions.map((version) =>
                      version.id === versionId
                        ? { ...version, text: sofar, status: done ? "done" : "streaming" }
                        : version,
                    ),
                  }
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

  const [suggestion, setSuggestion] = useState<Suggestion | undefined>(undefined);

  // The latest turns for the handlers below, which run in events, after the render that showed them.
  const current = useRef(turns);
  current.current = turns;
  const update = useCallback((next: Turn[]) => {
    current.current = next;
    setTurns(next);
  }, []);

  /** Adds the question and streams an answer to it. */
  const ask = useCallback(
    (question: string) => {
      const all = current.current;
      const position = all.filter((turn) => turn.role === "user").length + 1;
      const withQuestion: Turn[] = [...all, { role: "user", id: `question-${position}`, text: question }];
      const version = newVersion(0);
      const answer: AnswerTurn = {
        role: "assistant",
        id: `answer-${position}`,
        position,
        prompt: promptOf(withQuestion),
        versions: [version],
        shown: 0,
      };
      update([...withQuestion, answer]);
      setSuggestion(undefined);
      return stream(version.id, answersFor(question)[0] ?? "");
    },
    [stream, update],
  );

  /** Adds another answer to the same question to the turn `turnId`, shows it and streams it. */
  const regenerate = useCallback(
    (turnId: string) => {
      const all = current.current;
      const index = all.findIndex((turn) => turn.id === turnId);
      const turn = all[index];
      if (turn?.role !== "assistant") return Promise.resolve();
      const answers = answersFor(all[index - 1]?.role === "user" ? text(all[index - 1] as Turn) : "");
      const old = shownVersion(turn);
      const variant = (old.variant + 1) % answers.length;
      const version = newVersion(variant, old.id);
      const versions = [...turn.versions, version];
      update(all.map((each, i) => (i === index ? { ...turn, versions, shown: versions.length - 1 } : each)));
      return stream(version.id, answers[variant] ?? "");
    },
    [stream, update],
  );

  /** Shows another of the turn's answers ("‹ 1 / 2 ›"). */
  const show = useCallback(
    (turnId: string, shown: number) => {
      update(
        current.current.map((turn) =>
          turn.id === turnId && turn.role === "assistant" && turn.versions[shown] ? { ...turn, shown } : turn,
        ),
      );
    },
    [update],
  );

  /** Drafts a follow-up to the last question. */
  const suggest = useCallback(() => {
    const lastQuestion = current.current.findLast((turn) => turn.role === "user");
    setSuggestion({ id: freshIds().id, text: followUpFor(lastQuestion?.role === "user" ? lastQuestion.text : "") });
  }, []);

  const streaming = turns.some(
    (turn) => turn.role === "assistant" && turn.versions.some((version) => version.status === "streaming"),
  );
  return { turns, ask, regenerate, show, suggest, suggestion, streaming };
}
