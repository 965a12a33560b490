import { createContext, type ReactNode } from "react";

/**
 * What a component around a message puts at the start of its `MessageActions` row, before the app's widgets:
 * `AnswerVersions` puts its "‹ 2 / 3 ›" stepper there, where chat products show it.
 */
export const ActionsLeadingContext = /* @__PURE__ */ createContext<ReactNode>(null);
