import { useCallback } from "react";
import type { RatingEvent, RatingValue } from "../events/types";
import type { LabelOverrides } from "../labels/defaultLabels";
import { useLabels } from "../labels/useLabels";
import { type ActionButtonProps, actionButtonProps, type OwnButtonHandlers } from "../shared/actionButtonProps";
import { useControllableState } from "../shared/useControllableState";
import { useLatest } from "../shared/useLatest";
import { useWidgetScope } from "../shared/useWidgetEmit";

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
export interface ThumbButtonPropsFromHook extends ActionButtonProps<"on" | "off"> {
  "aria-pressed": boolean;
  "data-thumb": Thumb;
}

/** What `useThumbs` returns. */
export interface UseThumbsResult {
  value: RatingValue;
  disabled: boolean;
  /** Votes as a click does: the pressed thumb withdraws (`null`), the other switches. Returns the new value. */
  rate: (thumb: Thumb) => RatingValue;
  getGroupProps: () => { role: "group"; "aria-label": string; "data-state": Thumb | "none"; "data-disabled"?: "" };
  getButtonProps: (thumb: Thumb, own?: OwnButtonHandlers) => ThumbButtonPropsFromHook;
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
  const { client, messageId, scope } = useWidgetScope("useThumbs()", options.messageId);
  const labels = useLabels(options.labels);
  // The change callback gets the event too, so it is called from `rate`, not by the state hook. A message
  // that mounts again (a virtualised list) starts from the vote the provider remembers for it.
  const [value, setValue] = useControllableState<RatingValue>({
    prop: options.value,
    defaultProp: client.recall(messageId).vote ?? options.defaultValue ?? null,
    name: "ThumbsFeedback value",
  });
  const disabled = options.disabled ?? false;
  // Everything `rate` reads, as of the last render. Two clicks before a re-render must still see each
  // other's vote as `previous`: `rate` writes the vote ahead.
  const latest = useLatest({ vote: value, scope, onValueChange: options.onValueChange });

  const rate = useCallback(
    (thumb: Thumb): RatingValue => {
      const current = latest.current;
      const previous = current.vote;
      const next = previous === thumb ? null : thumb;
      current.vote = next;
      const event = client.emit({ type: "rating", value: next, previous }, current.scope);
      setValue(next);
      current.onValueChange?.(next, event);
      return next;
    },
    [client, setValue, latest],
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
    getButtonProps: (thumb, own) => ({
      ...actionButtonProps(
        thumb === "up" ? labels.thumbUp : labels.thumbDown,
        value === thumb ? "on" : "off",
        disabled,
        () => {
          rate(thumb);
        },
        own,
      ),
      "aria-pressed": value === thumb,
      "data-thumb": thumb,
    }),
  };
}
