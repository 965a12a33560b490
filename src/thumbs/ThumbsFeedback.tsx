import { clsx } from "clsx";
import {
  type ButtonHTMLAttributes,
  createContext,
  forwardRef,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import { useInActionsPanel } from "../actions/actionsPanel";
import { focusWithoutTooltip, keepTooltipClosed } from "../actions/focusWithoutTooltip";
import type { RatingValue } from "../events/types";
import { FeedbackForm } from "../form/FeedbackForm";
import type { ReasonOption } from "../form/reasons";
import type { UseFeedbackFormOptions } from "../form/useFeedbackForm";
import { ThumbDownIcon, ThumbUpIcon, type WidgetIcons } from "../icons/icons";
import { useLabels } from "../labels/useLabels";
import { composeEventHandlers } from "../shared/composeEventHandlers";
import { WidgetButton } from "../shared/WidgetButton";
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
  const inPanel = useInActionsPanel();

  const onRated = useCallback(
    (_thumb: Thumb, value: RatingValue) => {
      setThanks(false);
      setFormFor(value !== null && followUpOn.includes(value) ? value : null);
    },
    [followUpOn],
  );

  const formForRef = useRef(formFor);
  formForRef.current = formFor;
  const closeForm = useCallback((thanked: boolean) => {
    // Back to the thumb that opened the form, so keyboard users continue where they were.
    const opener = formForRef.current;
    if (opener) focusWithoutTooltip(rootRef.current?.querySelector<HTMLElement>(`[data-thumb="${opener}"]`));
    setFormFor(null);
    setThanks(thanked);
  }, []);

  useEffect(() => {
    if (!thanks) return;
    const timer = setTimeout(() => setThanks(false), THANKS_MS);
    return () => clearTimeout(timer);
  }, [thanks]);

  return (
    <div
      ref={rootRef}
      className={clsx("rfl-thumbs-feedback", className)}
      // A copy of text in here (a chip, the comment) is not a copy of the message.
      data-rfl-widget=""
      data-state={thumbs.value ?? "none"}
      data-form={formFor ? "open" : "closed"}
    >
      <ThumbsContext.Provider value={{ thumbs, icons, tooltips, onRated }}>
        <div className="rfl-thumbs" {...thumbs.getGroupProps()}>
          {children ?? (
            <>
              <ThumbButton thumb="up" />
              <ThumbButton thumb="down" />
            </>
          )}
        </div>
      </ThumbsContext.Provider>
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
      {inPanel(
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
export const ThumbButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, ThumbButtonProps>(function ThumbButton(
  { thumb, asChild, className, children, onClick, onFocus, ...rest },
  ref,
) {
  const context = useContext(ThumbsContext);
  if (!context) throw new Error("<ThumbButton> must be used inside <ThumbsFeedback>.");
  const { thumbs, icons, tooltips, onRated } = context;
  const { "aria-label": label, ...props } = thumbs.getButtonProps(thumb);
  return (
    <WidgetButton
      ref={ref}
      label={label}
      tooltip={tooltips}
      icon={thumb === "up" ? (icons?.thumbUp ?? <ThumbUpIcon />) : (icons?.thumbDown ?? <ThumbDownIcon />)}
      asChild={asChild}
      {...props}
      {...rest}
      className={clsx("rfl-thumb", className)}
      onFocus={composeEventHandlers(onFocus, keepTooltipClosed)}
      onClick={composeEventHandlers(onClick, () => onRated(thumb, thumbs.rate(thumb)))}
    >
      {children}
    </WidgetButton>
  );
});
