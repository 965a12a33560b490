import { Fragment, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { ActionsLeadingContext } from "../actions/actionsLeading";
import { answerPairKey, isInputOf } from "../events/createEvent";
import type { LabelOverrides } from "../labels/defaultLabels";
import { formatLabel } from "../labels/formatLabel";
import { useLabels } from "../labels/useLabels";
import { FeedbackClientContext, useFeedbackClient } from "../provider/context";
import { useControllableState } from "../shared/useControllableState";
import { useIsomorphicLayoutEffect } from "../shared/useIsomorphicLayoutEffect";
import { useEffectEvent, useLatest } from "../shared/useLatest";
import { WidgetSettingsContext } from "../shared/WidgetSettings";
import { type AnswerVersion, preferenceInput } from "./answerVersion";
import { AnswerVersionsContext, type AnswerVersionsState, type StepDirection } from "./context";
import { KeepFocus } from "./KeepFocus";
import { type EmitObserver, observingClient, providerClient } from "./observeEmits";
import { recalledPair, recordPair } from "./pairMemory";
import { VersionStepper } from "./VersionStepper";

/* -------------------------------------------------------------------------------------------------
 * AnswerVersions
 * -----------------------------------------------------------------------------------------------*/

/** Props of `AnswerVersions`. */
export interface AnswerVersionsProps<V extends AnswerVersion = AnswerVersion> {
  /** Every answer generated for one place in the conversation, oldest first; a regenerate adds one at the end. */
  versions: readonly V[];
  /** The shown version (controlled), from 0; pair it with `onIndexChange`. */
  index?: number;
  /** The version shown first when uncontrolled; the newest by default. */
  defaultIndex?: number;
  /**
   * Hears every move: a step of the stepper, and (uncontrolled) the move to a version added at the end. A
   * controlled app that adds a version sets `index` itself.
   */
  onIndexChange?: (index: number) => void;
  /**
   * Set it once the conversation has gone on after this answer (the user sent the next message). If the user
   * had stepped back to an earlier version, that is a kept version: a `preference` with `source: "kept"`.
   */
  continued?: boolean;
  /** Label overrides for the stepper. */
  labels?: LabelOverrides;
  /** Renders one version: a `FeedbackMessage` with the version's ids and its widgets. */
  children: (version: V, index: number) => ReactNode;
}

/**
 * Keeps every answer a regenerate produced for one place in the conversation and shows one of them, with a
 * stepper "‹ 2 / 3 ›" to move between them. Each version is its own `FeedbackMessage` with its own message
 * id, trace and widgets. The stepper appears at the start of the version's `MessageActions` bar (or, with no
 * bar, under the version; place `<VersionStepper />` yourself to put it elsewhere). Each move is announced.
 *
 * When the user steps to another version and then keeps it (copies it, rates it up, or continues the
 * conversation from it: see `continued`), it emits `preference` with `source: "kept"` and `strength:
 * "slight"`: the kept version chosen over the one they stepped away from. Once per pair and choice.
 *
 * @example
 * ```tsx
 * <AnswerVersions versions={turn.answers} continued={turn !== lastTurn}>
 *   {(version) => (
 *     <FeedbackMessage messageId={version.messageId} traceId={version.traceId} content={version.content}>
 *       <p>{version.content}</p>
 *       <MessageActions>
 *         <CopyButton />
 *         <RegenerateButton onRegenerate={() => regenerate(turn.id)} />
 *         <ThumbsFeedback />
 *       </MessageActions>
 *     </FeedbackMessage>
 *   )}
 * </AnswerVersions>
 * ```
 */
export function AnswerVersions<V extends AnswerVersion = AnswerVersion>({
  versions,
  index: indexProp,
  defaultIndex,
  onIndexChange,
  continued = false,
  labels: labelOverrides,
  children,
}: AnswerVersionsProps<V>) {
  const client = useFeedbackClient("AnswerVersions");
  const labels = useLabels(labelOverrides);
  const count = versions.length;
  const [wanted, setIndex] = useControllableState({
    prop: indexProp,
    defaultProp: defaultIndex ?? Math.max(0, count - 1),
    onChange: onIndexChange,
    name: "AnswerVersions index",
  });
  const index = Math.min(Math.max(0, wanted), Math.max(0, count - 1));
  const version = versions[index];
  const latest = useLatest({ versions, index, setIndex });

  // The version the user stepped away from, while they look at others: the one a kept version wins over.
  const departed = useRef<AnswerVersion | null>(null);
  // A version added at the end (a regenerate finished): uncontrolled, show it; either way a new start.
  const counted = useRef(count);
  useIsomorphicLayoutEffect(() => {
    if (count > counted.current) {
      departed.current = null;
      if (indexProp === undefined) setIndex(count - 1);
    }
    counted.current = count;
  }, [count, indexProp, setIndex]);

  /** The shown version was kept: a preference over the departed one, once per pair and choice. */
  const kept = useEffectEvent((messageId: string | undefined) => {
    const from = departed.current;
    const shown = latest.current.versions[latest.current.index];
    if (!from || !shown || shown.messageId !== messageId || from.messageId === messageId) return;
    const owner = providerClient(client);
    const pair = answerPairKey(shown.messageId, from.messageId);
    // The user answered the compare prompt for these two: asked outranks inferred (they share a feedbackKey).
    if (recalledPair(owner, "compare", pair, true) === "answered") return;
    // A changed choice is sent again (its feedbackKey replaces the first); the same one is not.
    if (!recordPair(owner, "kept", pair, shown.messageId)) return;
    owner.emit(preferenceInput(shown, from, "slight", "kept"));
  });

  // Copies and up-votes from the widgets inside, heard on their way to the provider.
  const observe = useEffectEvent<Parameters<EmitObserver>, void>((input, scope) => {
    const messageId = input.messageId ?? scope?.messageId;
    if (isInputOf(input, "copy") || (isInputOf(input, "rating") && input.value === "up")) kept(messageId);
  });
  const [observing] = useState(() => observingClient(client, observe));

  const wasContinued = useRef(continued);
  useEffect(() => {
    if (continued && !wasContinued.current) kept(latest.current.versions[latest.current.index]?.messageId);
    wasContinued.current = continued;
  }, [continued, kept, latest]);

  // The steppers placed inside: with none, one is drawn under the version.
  const steppers = useRef(0);
  const [placed, setPlaced] = useState(true);
  const step = useCallback(
    (direction: StepDirection) => {
      const { versions: all, index: at, setIndex: move } = latest.current;
      const next = at + (direction === "next" ? 1 : -1);
      if (next < 0 || next >= all.length) return;
      departed.current ??= all[at] ?? null;
      move(next);
    },
    [latest],
  );
  const register = useCallback(() => {
    steppers.current += 1;
    return () => {
      steppers.current -= 1;
    };
  }, []);
  // Children's layout effects run first: by now every stepper inside has registered or left.
  useIsomorphicLayoutEffect(() => {
    const has = steppers.current > 0;
    if (has !== placed) setPlaced(has);
  });

  // Every move after the first render is announced ("Answer 2 of 3"), wherever the focus is, through the
  // provider's one live region: the stepper is mounted afresh with each version, so a region of its own would
  // arrive with its text, and screen readers announce changes to a region, not new regions.
  const { announce } = useContext(WidgetSettingsContext);
  const shownId = version?.messageId;
  const announced = useRef(shownId);
  useEffect(() => {
    if (announced.current === shownId) return;
    announced.current = shownId;
    if (count > 1) announce?.(formatLabel(labels, labels.answerPosition, { index: index + 1, count }));
  }, [shownId, index, count, labels, announce]);

  const state = useMemo<AnswerVersionsState>(() => ({ index, count, step, register }), [index, count, step, register]);
  const stepper = useMemo(() => <VersionStepper labels={labelOverrides} />, [labelOverrides]);
  if (!version) return null;
  return (
    <AnswerVersionsContext.Provider value={state}>
      <FeedbackClientContext.Provider value={observing}>
        <ActionsLeadingContext.Provider value={stepper}>
          <KeepFocus messageId={version.messageId}>
            {/* Keyed: each version's widgets start from their own state, never the previous version's. */}
            <Fragment key={version.messageId}>{children(version, index)}</Fragment>
          </KeepFocus>
        </ActionsLeadingContext.Provider>
      </FeedbackClientContext.Provider>
      {!placed && <VersionStepper labels={labelOverrides} standalone />}
    </AnswerVersionsContext.Provider>
  );
}
