import { createContext, type ReactNode, type RefObject, useContext } from "react";
import { createPortal } from "react-dom";

/**
 * The panel under a `MessageActions` row, where a widget in the row puts what opens from it (the follow-up
 * form, the thank-you): below the buttons, so that nothing in the row moves, and outside the toolbar, whose
 * arrow keys must not reach a text box.
 */
export const ActionsPanelContext = /* @__PURE__ */ createContext<RefObject<HTMLElement | null> | null>(null);

/**
 * Renders `node` in the panel of the enclosing `MessageActions`, or in place when there is none. The panel is
 * read when the widget renders, not held in state: telling a thousand bars that their panel mounted would render
 * every widget twice. So a widget's first render (before the panel exists) is in place, and what it renders
 * there must take no room (the stylesheet hides the empty thank-you); every later render is in the panel, and
 * the form and the thank-you only ever appear after one.
 */
export function useInActionsPanel(): (node: ReactNode) => ReactNode {
  const panel = useContext(ActionsPanelContext)?.current;
  return (node) => (panel ? createPortal(node, panel) : node);
}
