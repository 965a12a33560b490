import type { FocusEvent } from "react";

// Elements being focused by `focusWithoutTooltip` right now (focus events are dispatched synchronously).
const quiet = new WeakSet<Element>();

/**
 * Gives the focus back to a widget button (after a form is sent or closed, after an edit) without opening
 * its tooltip over the message: the user did not ask for it, they only continue where they were.
 */
export function focusWithoutTooltip(element: HTMLElement | null | undefined) {
  if (!element) return;
  quiet.add(element);
  element.focus();
  quiet.delete(element);
}

/**
 * The button's `onFocus`: a focus given back by `focusWithoutTooltip` is marked handled, and the tooltip,
 * whose handler runs after the button's own and skips a handled event, stays closed.
 */
export function keepTooltipClosed(event: FocusEvent<HTMLElement>) {
  if (quiet.has(event.currentTarget)) event.preventDefault();
}
