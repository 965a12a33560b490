import { createContext } from "react";

/** Which way a step goes: to the earlier answer or the later one. */
export type StepDirection = "previous" | "next";

/** The shown position and how to move it, for the stepper wherever it is placed. */
export interface AnswerVersionsState {
  /** The shown version, from 0. */
  index: number;
  count: number;
  step(direction: StepDirection): void;
  /** Counts a stepper placed inside (in `MessageActions`, or the app's own); returns its removal. */
  register(): () => void;
}

export const AnswerVersionsContext = /* @__PURE__ */ createContext<AnswerVersionsState | null>(null);
