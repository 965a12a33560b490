import { clsx } from "clsx";
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { answerPairKey } from "../events/createEvent";
import type { LabelOverrides } from "../labels/defaultLabels";
import { formatLabel } from "../labels/formatLabel";
import { useLabels } from "../labels/useLabels";
import { useFeedbackClient } from "../provider/context";
import { useControllableState } from "../shared/useControllableState";
import { useIsomorphicLayoutEffect } from "../shared/useIsomorphicLayoutEffect";
import { useEffectEvent } from "../shared/useLatest";
import { type AnswerVersion, preferenceInput } from "../versions/answerVersion";
import { providerClient } from "../versions/observeEmits";
import { recalledPair, recordPair } from "../versions/pairMemory";

/** What the user answered: the first answer, the second, about the same, or skipped. */
export type CompareChoice = "a" | "b" | "tie" | "skip";

/** Props of `ComparePrompt`. */
export interface ComparePromptProps {
  /** The first answer shown ("Response 1"): usually the earlier one. */
  a: AnswerVersion;
  /** The second answer shown ("Response 2"): usually the one a regenerate just produced. */
  b: AnswerVersion;
  /**
   * Whether the app asks for the prompt now (controlled); pair it with `onOpenChange`. It is shown only if the
   * pair is sampled in and was never asked about before; otherwise `onOpenChange(false)` says so.
   */
  open?: boolean;
  /** Whether to ask as soon as it mounts, when uncontrolled (default true). */
  defaultOpen?: boolean;
  /** Hears the prompt close: after a choice, a skip, or when it will not be shown for this pair. */
  onOpenChange?: (open: boolean) => void;
  /** Hears what the user answered, after the `preference` event (if any) is emitted. */
  onChoice?: (choice: CompareChoice) => void;
  /** Share of pairs asked about, 0..1 (default 1): decided once per pair, remembered with the pair. */
  sample?: number;
  /** The random source `sample` is drawn from, 0 ≤ x < 1 (default `Math.random`): inject one in tests. */
  random?: () => number;
  /** Renders an answer's text (Markdown, say). By default it is shown as plain text, never as HTML. */
  renderText?: (text: string, version: AnswerVersion) => ReactNode;
  /** Label overrides. */
  labels?: LabelOverrides;
  className?: string;
}

type Phase = "idle" | "asking" | "thanked" | "done";

/** How long the thank-you stays after a choice (it fades out at the end, as the thumbs' does). */
const THANKS_MS = 4000;

// Typing in one of these when the prompt opens: the focus stays there, the prompt is one Tab away.
const TEXT_ENTRY = "input, textarea, select, [contenteditable=''], [contenteditable='true']";

/**
 * "Which response is better?": two answers to the same prompt side by side (stacked on a narrow screen), with
 * "This one" under each, "About the same" and "Skip". A choice emits `preference` with `source: "compare"`
 * (`strength: "clear"`, or `"tie"` for about the same; its `messageId` is then `a`'s); Skip emits nothing.
 *
 * Put it below the answer: it takes room under what is already there and moves nothing above it. On opening
 * it takes the focus (unless the user is typing somewhere) and gives it back when it closes; the thank-you is
 * announced. `sample` decides how often it appears, and it never appears twice for the same pair on a page
 * (nor in the same browser tab, when `sessionStorage` is there).
 *
 * @example
 * ```tsx
 * {turn.answers.length > 1 && (
 *   <ComparePrompt a={turn.answers.at(-2)} b={turn.answers.at(-1)} sample={0.2} />
 * )}
 * ```
 */
export function ComparePrompt({
  a,
  b,
  open,
  defaultOpen = true,
  onOpenChange,
  onChoice,
  sample = 1,
  random = Math.random,
  renderText,
  labels: overrides,
  className,
}: ComparePromptProps) {
  const client = useFeedbackClient("ComparePrompt");
  const labels = useLabels(overrides);
  const [wanted, setWanted] = useControllableState({
    prop: open,
    defaultProp: defaultOpen,
    onChange: onOpenChange,
    name: "ComparePrompt open",
  });
  const pair = answerPairKey(a.messageId, b.messageId);
  const [phase, setPhase] = useState<{ pair: string; phase: Phase }>({ pair, phase: "idle" });
  const current = phase.pair === pair ? phase.phase : "idle";
  const group = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const id = useId();

  // Asked to open: once per pair, and only if sampled in. Decided after mount, never during a server render.
  const decided = useRef(new Map<string, boolean>());
  const decide = useEffectEvent(() => {
    // This instance's own decision first: an effect run twice (StrictMode) must not count as a second time.
    let shown = decided.current.get(pair);
    if (shown === undefined) {
      // Sampled in or out, answered or not: a pair met before (on this page, or in this tab) is not asked again.
      const met = recalledPair(client, "compare", pair, true) !== undefined;
      if (!met) recordPair(client, "compare", pair, "decided", true);
      shown = !met && random() < sample;
      decided.current.set(pair, shown);
    }
    setPhase({ pair, phase: shown ? "asking" : "done" });
    if (!shown) setWanted(false);
  });
  // Uncontrolled, a new pair (another regenerate) is a new question: asked again, as on mount.
  const askedPair = useRef(pair);
  useEffect(() => {
    if (askedPair.current === pair) return;
    askedPair.current = pair;
    if (open === undefined && defaultOpen) setWanted(true);
  }, [pair, open, defaultOpen, setWanted]);
  useEffect(() => {
    if (wanted && current === "idle") decide();
    // The app closed it while it asked: as a skip, without the skip's event (there is none).
    if (!wanted && current === "asking") setPhase({ pair, phase: "done" });
  }, [wanted, current, pair, decide]);

  // The focus moves in when it opens, from wherever it was (unless the user is typing there).
  useIsomorphicLayoutEffect(() => {
    if (current !== "asking") return;
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (active?.closest(TEXT_ENTRY)) return;
    returnFocus.current = active;
    // Not scrolled to: what is above must not move; a screen reader hears the group, a Tab reaches it.
    group.current?.focus({ preventScroll: true });
  }, [current]);

  useEffect(() => {
    if (current !== "thanked") return;
    const timer = setTimeout(() => setPhase({ pair, phase: "done" }), THANKS_MS);
    return () => clearTimeout(timer);
  }, [current, pair]);

  const close = (next: Phase) => {
    // Given back before the group goes, if it was inside: else the focus would drop to the page.
    if (group.current?.contains(document.activeElement)) {
      const back = returnFocus.current;
      if (back?.isConnected && back !== document.body) back.focus({ preventScroll: true });
      else status.current?.focus({ preventScroll: true });
    }
    returnFocus.current = null;
    setPhase({ pair, phase: next });
    setWanted(false);
  };
  const answer = (choice: CompareChoice) => {
    const owner = providerClient(client);
    if (choice === "a") owner.emit(preferenceInput(a, b, "clear", "compare"));
    if (choice === "b") owner.emit(preferenceInput(b, a, "clear", "compare"));
    if (choice === "tie") owner.emit(preferenceInput(a, b, "tie", "compare"));
    // Asked outranks inferred: a version kept later must not replace this choice (they share a feedbackKey).
    if (choice !== "skip") recordPair(client, "compare", pair, "answered", true);
    close(choice === "skip" ? "done" : "thanked");
    onChoice?.(choice);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    answer("skip");
  };

  const option = (version: AnswerVersion, which: "a" | "b", position: number) => {
    const headingId = `${id}-${which}`;
    const buttonId = `${id}-${which}-choose`;
    return (
      <div className="rfl-compare__option" data-option={which}>
        <p className="rfl-compare__label" id={headingId}>
          {formatLabel(labels, labels.compareResponse, { index: position })}
        </p>
        {/* The answer's own direction: an English answer on a right-to-left page still reads left to right. */}
        <div className="rfl-compare__text" dir="auto" data-format={renderText ? "rendered" : "plain"}>
          {renderText ? renderText(version.content, version) : version.content}
        </div>
        <button
          type="button"
          id={buttonId}
          className="rfl-button rfl-compare__choose"
          // "This one" alone would not say which: the name adds the answer's heading ("This one Response 1").
          aria-labelledby={`${buttonId} ${headingId}`}
          onClick={() => answer(which)}
        >
          {labels.compareChoose}
        </button>
      </div>
    );
  };

  return (
    <>
      {current === "asking" && (
        // biome-ignore lint/a11y/useSemanticElements: a labelled group of choices, with no form to submit.
        <div
          ref={group}
          role="group"
          aria-labelledby={`${id}-title`}
          tabIndex={-1}
          className={clsx("rfl-compare", className)}
          data-state="asking"
          onKeyDown={onKeyDown}
        >
          <p className="rfl-compare__title" id={`${id}-title`}>
            {labels.compareTitle}
          </p>
          <div className="rfl-compare__options">
            {option(a, "a", 1)}
            {option(b, "b", 2)}
          </div>
          <div className="rfl-compare__footer">
            <button type="button" className="rfl-button" onClick={() => answer("tie")}>
              {labels.compareTie}
            </button>
            <button type="button" className="rfl-button rfl-compare__skip" onClick={() => answer("skip")}>
              {labels.compareSkip}
            </button>
          </div>
        </div>
      )}
      {/* There before the thank-you, so that it is announced; empty, it takes no room. */}
      <p
        ref={status}
        role="status"
        tabIndex={-1}
        className="rfl-thanks rfl-compare__status"
        data-state={current === "thanked" ? "visible" : "hidden"}
      >
        {current === "thanked" ? labels.thanks : ""}
      </p>
    </>
  );
}
