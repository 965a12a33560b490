import { createContext, type ReactNode, useContext } from "react";
import { createPortal } from "react-dom";

/**
 * The panel under a `MessageActions` row, where a widget in the row puts what opens from it (the follow-up
 * form, the thank-you): below the buttons, so that nothing in the row moves, and outside the toolbar, whose
 * arrow keys must not reach a text box.
 */
export const ActionsPanelContext = /* @__PURE__ */ createContext<HTMLElement | null>(null);

/** Renders `node` in the panel of the enclosing `MessageActions`, or in place when there is none. */
export function useInActionsPanel(): (node: ReactNode) => ReactNode {
  const panel = useContext(ActionsPanelContext);
  return (node) => (panel ? createPortal(node, panel) : node);
}
