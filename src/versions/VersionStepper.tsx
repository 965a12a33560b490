import { clsx } from "clsx";
import { useContext } from "react";
import type { LabelOverrides } from "../labels/defaultLabels";
import { formatLabel } from "../labels/formatLabel";
import { useLabels } from "../labels/useLabels";
import { useIsomorphicLayoutEffect } from "../shared/useIsomorphicLayoutEffect";
import { visuallyHidden } from "../shared/visuallyHidden";
import { WidgetButton } from "../shared/WidgetButton";
import { AnswerVersionsContext, type StepDirection } from "./context";

/** Props of `VersionStepper`. */
export interface VersionStepperProps {
  /** Label overrides for the buttons and the position. */
  labels?: LabelOverrides | undefined;
  className?: string;
  /** Drawn by `AnswerVersions` itself when no stepper is placed inside: not counted as placed. */
  standalone?: boolean;
}

function ChevronIcon({ direction }: { direction: StepDirection }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="1em"
      height="1em"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      className="rfl-icon"
    >
      <path d={direction === "previous" ? "m15 18-6-6 6-6" : "m9 18 6-6-6-6"} />
    </svg>
  );
}

/**
 * The "‹ 2 / 3 ›" stepper of the enclosing `AnswerVersions`. It is placed for you at the start of each
 * version's `MessageActions` bar; place it yourself in an action bar of your own. Renders nothing for a single
 * version. The buttons stay focusable at the ends (announced as unavailable), so the focus never drops.
 *
 * @example
 * ```tsx
 * <AnswerVersions versions={answers}>
 *   {(version) => (
 *     <FeedbackMessage messageId={version.messageId} content={version.content}>
 *       <p>{version.content}</p>
 *       <div className="my-actions">
 *         <VersionStepper />
 *         <MyShareButton />
 *       </div>
 *     </FeedbackMessage>
 *   )}
 * </AnswerVersions>
 * ```
 */
export function VersionStepper({ labels: overrides, className, standalone = false }: VersionStepperProps) {
  const versions = useContext(AnswerVersionsContext);
  if (!versions) {
    throw new Error(
      "VersionStepper must be used inside <AnswerVersions>. Put it in the element the AnswerVersions render function returns.",
    );
  }
  const labels = useLabels(overrides);
  const { index, count, step, register } = versions;
  useIsomorphicLayoutEffect(() => {
    if (standalone) return;
    return register();
  }, [register, standalone]);
  if (count < 2) return null;

  const stepButton = (direction: StepDirection) => {
    const atEnd = direction === "previous" ? index === 0 : index === count - 1;
    return (
      <WidgetButton
        type="button"
        label={direction === "previous" ? labels.previousAnswer : labels.nextAnswer}
        tooltip
        icon={<ChevronIcon direction={direction} />}
        className="rfl-versions__step"
        data-step={direction}
        aria-disabled={atEnd || undefined}
        onClick={() => {
          if (!atEnd) step(direction);
        }}
      />
    );
  };
  const position = { index: index + 1, count };
  return (
    // biome-ignore lint/a11y/useSemanticElements: two buttons and a position, not a form's fieldset.
    <div
      role="group"
      aria-label={labels.answerVersions}
      className={clsx("rfl-versions", className)}
      data-standalone={standalone || undefined}
    >
      {stepButton("previous")}
      <span className="rfl-versions__count" aria-hidden="true">
        {formatLabel(labels, labels.answerCount, position)}
      </span>
      <span style={visuallyHidden}>{formatLabel(labels, labels.answerPosition, position)}</span>
      {stepButton("next")}
    </div>
  );
}
