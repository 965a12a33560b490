import { lazyComponent } from "../shared/lazyModule";
import type { FeedbackFormProps } from "./FeedbackForm";

/**
 * The follow-up form after a vote: reason chips, an optional comment with a counter, submit and cancel.
 * `ThumbsFeedback` opens it for you; render it yourself to ask at another moment.
 *
 * Its code arrives on first use (a hover or focus on the thumbs starts it), so a page that never asks pays
 * nothing for it. To render it on a server, `await FeedbackForm.preload()` first: until then it renders
 * nothing, and the form appears as soon as it arrives.
 *
 * @example
 * ```tsx
 * <FeedbackMessage messageId="m1">
 *   <FeedbackForm rating="down" reasons={["hallucination", { key: "outdated", label: "Out of date" }]} />
 * </FeedbackMessage>
 * ```
 */
export const FeedbackForm = /* @__PURE__ */ lazyComponent<FeedbackFormProps>(() =>
  import("./FeedbackForm").then((module) => module.FeedbackForm),
);
