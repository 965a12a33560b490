import { Component, type ReactNode } from "react";

interface KeepFocusProps {
  /** The shown version's message id: its `FeedbackMessage` box carries it as `data-message-id`. */
  messageId: string;
  children?: ReactNode;
}

/** Enough of the focused control to find its counterpart in another version's widgets. */
interface FocusedControl {
  tag: string;
  label: string | null;
  className: string | null;
  step: string | null;
}

function counterpart(box: Element, spot: FocusedControl): HTMLElement | null {
  const candidates = Array.from(box.querySelectorAll<HTMLElement>(spot.tag));
  return (
    candidates.find((element) => spot.label !== null && element.getAttribute("aria-label") === spot.label) ??
    // A label that changed with the state ("Regenerating…"): the same kind of control, the same way.
    candidates.find(
      (element) => element.getAttribute("class") === spot.className && element.getAttribute("data-step") === spot.step,
    ) ??
    null
  );
}

/**
 * When the shown version changes, the widgets of the old one go and the focus with them: a keyboard user who
 * pressed "Previous answer" or Regenerate would land on the page's body. This gives the focus to the same
 * control in the new version. A class for `getSnapshotBeforeUpdate`, the one moment that sees the focus before
 * the old version's elements are removed.
 */
export class KeepFocus extends Component<KeepFocusProps> {
  override getSnapshotBeforeUpdate(previous: KeepFocusProps): FocusedControl | null {
    if (previous.messageId === this.props.messageId || typeof document === "undefined") return null;
    const active = document.activeElement;
    if (!(active instanceof HTMLElement)) return null;
    if (active.closest("[data-message-id]")?.getAttribute("data-message-id") !== previous.messageId) return null;
    return {
      tag: active.tagName.toLowerCase(),
      label: active.getAttribute("aria-label"),
      className: active.getAttribute("class"),
      step: active.getAttribute("data-step"),
    };
  }

  override componentDidUpdate(_previous: KeepFocusProps, _state: unknown, spot: FocusedControl | null) {
    if (!spot) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const box = document.querySelector(`[data-message-id="${CSS.escape(this.props.messageId)}"]`);
    if (box) counterpart(box, spot)?.focus({ preventScroll: true });
  }

  override render() {
    return this.props.children;
  }
}
