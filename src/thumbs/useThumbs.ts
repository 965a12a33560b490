import { type MouseEvent, useCallback, useRef } from "react";
import type { RatingEvent, RatingValue } from "../events/types";
import type { LabelOverrides } from "../labels/defaultLabels";
import { useLabels } from "../labels/useLabels";
import { composeEventHandlers } from "../shared/composeEventHandlers";
import { useControllableState } from "../shared/useControllableState";
import { useWidgetEmit } from "../shared/useWidgetEmit";

/** One of the two thumbs. */
export type Thumb = "up" | "down";

/** Options of `useThumbs`. */
export interface UseThumbsOptions {
  /** The vote, controlled: `"up"`, `"down"` or `null` for none. Leave out for uncontrolled use. */
  value?: RatingValue;
  /** The first vote when uncontrolled (default `null`). */
  defaultValue?: RatingValue;
  /** Hears every vote change, with the `rating` event as sent (`null` when it was not sent). */
  onValueChange?: (value: RatingValue, event: RatingEvent | null) => void;
  /** The message rated; defaults to the enclosing `FeedbackMessage`. */
  messageId?: string;
  disabled?: boolean;
  labels?: LabelOverrides;
}

/** Props to spread on a thumb button; the app's own handler is passed in to run first. */
export interface ThumbButtonPropsFromHook {
  type: "button";
  "aria-label": string;
  "aria-pressed": boolean;
  "data-state": "on" | "off";
  "data-thumb": Thumb;
  disabled: boolean | undefined;
  onClick: (event: MouseEvent<HTMLButtonElement>) => void;
}

/** What `useThumbs` returns. */
export interface UseThumbsResult {
  value: RatingValue;
  disabled: boolean;
  /** Votes as a click does: the pressed thumb withdraws (`null`), the other switches. Returns the new value. */
  rate: (thumb: Thumb) => RatingValue;
  getGroupProps: () => { role: "group"; "aria-label": string; "data-state": Thumb | "none"; "data-disabled"?: "" };
  getButtonProps: (
    thumb: Thumb,
    own?: { onClick?: (event: MouseEvent<HTMLButtonElement>) => void },
  ) => ThumbButtonPropsFromHook;
}

/**
 * Thumbs up/down state and ARIA for your own buttons. A click emits a `rating` at once: the pressed thumb
 * withdraws the vote (`value: null`), the other switches it (`previous` says from what).
 *
 * @example
 * ```tsx
 * function MyThumbs() {
 *   const thumbs = useThumbs();
 *   return (
 *     <div {...thumbs.getGroupProps()}>
 *       <MyIconButton {...thumbs.getButtonProps("up")}>👍</MyIconButton>
 *       <MyIconButton {...thumbs.getButtonProps("down")}>👎</MyIconButton>
 *     </div>
 *   );
 * }
 * ```
 */
export function useThumbs(options: UseThumbsOptions = {}): UseThumbsResult {
  const { emit } = useWidgetEmit("useThumbs()", options.messageId);
  const labels = useLabels(options.labels);
  const onValueChange = options.onValueChange;
  // The change callback gets the event too, so it is called from `rate`, not by the state hook.
  const [value, setValue] = useControllableState<RatingValue>({
    prop: options.value,
    defaultProp: options.defaultValue ?? null,
    name: "ThumbsFeedback value",
  });
  // Two clicks before a re-render must still see each other's vote as `previous`.
  const valueRef = useRef(value);
  valueRef.current = value;
  const disabled = options.disabled ?? false;
  const onValueChangeRef = useRef(onValueChange);
  onValueChangeRef.current = onValueChange;

  const rate = useCallback(
    (thumb: Thumb): RatingValue => {
      const previous = valueRef.current;
      const next = previous === thumb ? null : thumb;
      valueRef.current = next;
      const event = emit({ type: "rating", value: next, previous }) as RatingEvent | null;
      setValue(next);
      onValueChangeRef.current?.(next, event);
      return next;
    },
    [emit, setValue],
  );

  return {
    value,
    disabled,
    rate,
    getGroupProps: () => ({
      role: "group",
      "aria-label": labels.thumbsGroup,
      "data-state": value ?? "none",
      ...(disabled ? { "data-disabled": "" as const } : {}),
    }),
    getButtonProps: (thumb, own = {}) => ({
      type: "button",
      "aria-label": thumb === "up" ? labels.thumbUp : labels.thumbDown,
      "aria-pressed": value === thumb,
      "data-state": value === thumb ? "on" : "off",
      "data-thumb": thumb,
      disabled: disabled || undefined,
      onClick: composeEventHandlers(own.onClick, () => {
        rate(thumb);
      }),
    }),
  };
}
