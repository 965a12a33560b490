import {
  type ButtonHTMLAttributes,
  createContext,
  forwardRef,
  type ReactElement,
  type ReactNode,
  type Ref,
  useContext,
  useRef,
  useState,
} from "react";
import { useInActionsPanel } from "../actions/actionsPanel";
import type { RatingValue } from "../events/types";
import { FeedbackForm } from "../form/lazyFeedbackForm";
import type { ReasonOption } from "../form/reasons";
import type { UseFeedbackFormOptions } from "../form/useFeedbackForm";
import { defaultIcons, type WidgetIcons } from "../icons/icons";
import { useLabels } from "../labels/useLabels";
import { composeEventHandlers } from "../shared/composeEventHandlers";
import { focusWithoutTooltip } from "../shared/tooltips";
import { widgetButton } from "../shared/WidgetButton";
import { type Thumb, type UseThumbsOptions, type UseThumbsResult, useThumbs } from "./useThumbs";

/* -------------------------------------------------------------------------------------------------
 * ThumbsFeedback
 * -----------------------------------------------------------------------------------------------*/

// How long "Thanks for your feedback" stays before it fades.
const THANKS_MS = 4000;

/** Props of `ThumbsFeedback`. */
export interface ThumbsFeedbackProps extends UseThumbsOptions {
  /** Which votes open the follow-up form (default `["down"]`; `[]` for none). */
  followUpOn?: readonly Thumb[];
  /** The form's chips after each vote; each list replaces the default one. */
  reasons?: { up?: readonly ReasonOption[]; down?: readonly ReasonOption[] };
  /** Characters the form's comment may hold (default 500). */
  commentMaxLength?: number;
  /** The app's own handler for the form, awaited before the event is emitted (see `useFeedbackForm`). */
  onSubmit?: UseFeedbackFormOptions["onSubmit"];
  /** Replace the thumb icons. */
  icons?: Pick<WidgetIcons, "thumbUp" | "thumbDown">;
  /** Show tooltips on the thumbs (default true); their text is the thumb's label. */
  tooltips?: boolean;
  className?: string;
  /** Your own `ThumbButton`s in place of the default pair. */
  children?: ReactNode;
}

interface ThumbsContextValue {
  thumbs: UseThumbsResult;
  icons: ThumbsFeedbackProps["icons"];
  tooltips: boolean;
  onRated: (thumb: Thumb, value: RatingValue) => void;
}

const ThumbsContext = /* @__PURE__ */ createContext<ThumbsContextValue | null>(null);

/**
 * Thumbs up and down for one message. A click emits a `rating` at once; clicking the pressed thumb withdraws
 * the vote, the other switches it. After a thumbs-down (configurable) a short form asks for reasons and a
 * comment, and emits them as a `rating` with the same `feedbackKey`. Closing the form keeps the vote. Inside
 * `MessageActions` the form and the thank-you open in the panel under the bar, so no button moves.
 *
 * @example
 * ```tsx
 * <FeedbackMessage messageId={message.id} traceId={message.traceId}>
 *   <Markdown>{message.text}</Markdown>
 *   <ThumbsFeedback followUpOn={["down"]} reasons={{ down: ["hallucination", "format", "other"] }} />
 * </FeedbackMessage>
 * ```
 */
export function ThumbsFeedback({
  followUpOn = ["down"],
  reasons,
  commentMaxLength,
  onSubmit,
  icons,
  tooltips = true,
  className,
  children,
  ...thumbsOptions
}: ThumbsFeedbackProps) {
  const thumbs = useThumbs(thumbsOptions);
  const labels = useLabels(thumbsOptions.labels);
  const [formFor, setFormFor] = useState<Thumb | null>(null);
  const [thanks, setThanks] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  // The thank-you fades on a timer the submit starts: no effect per widget on a page of a thousand. A timer
  // that fires after an unmount sets the state of nothing, which React ignores.
  const thanksTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const inPanel = useInActionsPanel();

  const showThanks = (shown: boolean) => {
    clearTimeout(thanksTimer.current);
    setThanks(shown);
    if (shown) thanksTimer.current = setTimeout(() => setThanks(false), THANKS_MS);
  };
  const onRated = (_thumb: Thumb, value: RatingValue) => {
    showThanks(false);
    setFormFor(value !== null && followUpOn.includes(value) ? value : null);
  };
  // `formFor` is the thumb that opened the form this render shows, as the form's handlers below are made here.
  const closeForm = (thanked: boolean) => {
    // Back to the thumb that opened the form, so keyboard users continue where they were.
    if (formFor) focusWithoutTooltip(rootRef.current?.querySelector<HTMLElement>(`[data-thumb="${formFor}"]`));
    setFormFor(null);
    showThanks(thanked);
  };
  const context: ThumbsContextValue = { thumbs, icons, tooltips, onRated };

  return (
    <div
      ref={rootRef}
      className={className ? `rfl-thumbs-feedback ${className}` : "rfl-thumbs-feedback"}
      data-state={thumbs.value ?? "none"}
      // Only while open, as every attribute costs a thousand times in a long chat.
      data-form={formFor ? "open" : undefined}
      // The form's code starts loading when a hover or focus shows a vote may come.
      {...(followUpOn.length > 0 && { onPointerEnter: FeedbackForm.preload, onFocus: FeedbackForm.preload })}
    >
      <div className="rfl-thumbs" {...thumbs.getGroupProps()}>
        {/* Our own pair is drawn here, not as two <ThumbButton>s: no component per button in a long chat. */}
        {children ? (
          <ThumbsContext.Provider value={context}>{children}</ThumbsContext.Provider>
        ) : (
          thumbButton(context, { thumb: "up" })
        )}
        {!children && thumbButton(context, { thumb: "down" })}
      </div>
      {formFor &&
        inPanel(
          <FeedbackForm
            key={formFor}
            rating={formFor}
            {...(thumbsOptions.messageId !== undefined && { messageId: thumbsOptions.messageId })}
            {...(reasons?.[formFor] !== undefined && { reasons: reasons[formFor] })}
            {...(commentMaxLength !== undefined && { commentMaxLength })}
            {...(onSubmit !== undefined && { onSubmit })}
            {...(thumbsOptions.labels !== undefined && { labels: thumbsOptions.labels })}
            onSubmitted={() => closeForm(true)}
            onCancel={() => closeForm(false)}
          />,
        )}
      {/* The thank-you's live region is there from the form's opening on, before its words come: a region
       * that appears with its words is not read by every screen reader, and one per widget from the start
       * would be a thousand more elements in a long chat. */}
      {(formFor || thanks) &&
        inPanel(
          <span role="status" className="rfl-thanks" data-state={thanks ? "visible" : "hidden"}>
            {thanks ? labels.thanks : ""}
          </span>,
        )}
    </div>
  );
}

/* -------------------------------------------------------------------------------------------------
 * ThumbButton
 * -----------------------------------------------------------------------------------------------*/

/** Props of `ThumbButton`. */
export interface ThumbButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  thumb: Thumb;
  /** Render your own button (the only child) with our props and behaviour merged in. */
  asChild?: boolean;
}

/**
 * One thumb inside `ThumbsFeedback`, for apps that bring their own button or icon. Your `onClick` runs
 * first and may call `event.preventDefault()` to stop the vote. With your own content the button is named by
 * it (its text, or an `aria-label` you give); with ours, by the label.
 *
 * @example
 * ```tsx
 * <ThumbsFeedback>
 *   <ThumbButton thumb="up" asChild><MyButton>👍 Helpful</MyButton></ThumbButton>
 *   <ThumbButton thumb="down" asChild><MyButton>👎 Not helpful</MyButton></ThumbButton>
 * </ThumbsFeedback>
 * ```
 */
export const ThumbButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, ThumbButtonProps>(
  function ThumbButton(props, ref) {
    const context = useContext(ThumbsContext);
    if (!context) throw new Error("<ThumbButton> must be used inside <ThumbsFeedback>.");
    return thumbButton(context, props, ref);
  },
);

/** The element of one thumb: what `ThumbButton` renders, and what `ThumbsFeedback` draws for its own pair. */
function thumbButton(
  { thumbs, icons, tooltips, onRated }: ThumbsContextValue,
  { thumb, asChild, className, children, onClick, ...rest }: ThumbButtonProps,
  ref?: Ref<HTMLButtonElement>,
): ReactElement {
  const { "aria-label": label, ...props } = thumbs.getButtonProps(thumb);
  return widgetButton(
    {
      label,
      tooltip: tooltips,
      icon: thumb === "up" ? (icons?.thumbUp ?? defaultIcons.thumbUp) : (icons?.thumbDown ?? defaultIcons.thumbDown),
      asChild,
      ...props,
      ...rest,
      className: className ? `rfl-thumb ${className}` : "rfl-thumb",
      onClick: composeEventHandlers(onClick, () => onRated(thumb, thumbs.rate(thumb))),
      children,
    },
    ref,
  );
}
