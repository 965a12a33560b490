import { type FocusEvent, type KeyboardEvent, type RefObject, useCallback, useEffect, useRef } from "react";

// What the arrow keys move between: the enabled buttons of the toolbar (ours, or the app's own).
const ITEMS = "button:not([disabled]), a[href]";

function itemsOf(toolbar: HTMLElement): HTMLElement[] {
  return Array.from(toolbar.querySelectorAll<HTMLElement>(ITEMS));
}

/**
 * One Tab stop for a whole toolbar (WAI-ARIA's roving tabindex): the last focused button keeps
 * `tabindex="0"`, the others get `-1`; Left/Right (mirrored right to left) move between them, Home and End
 * go to the ends. The buttons belong to the widgets inside, which come and go (Edit appears with its
 * editor), so the tab stops are kept in step with the DOM rather than with our own renders.
 */
export function useRovingTabStop(toolbarRef: RefObject<HTMLElement | null>) {
  const current = useRef<HTMLElement | null>(null);

  const sync = useCallback(() => {
    const toolbar = toolbarRef.current;
    if (!toolbar) return;
    const items = itemsOf(toolbar);
    if (!current.current || !items.includes(current.current)) current.current = items[0] ?? null;
    for (const item of items) item.tabIndex = item === current.current ? 0 : -1;
  }, [toolbarRef]);

  useEffect(() => {
    const toolbar = toolbarRef.current;
    if (!toolbar) return;
    sync();
    const observer = new MutationObserver(sync);
    observer.observe(toolbar, { childList: true, subtree: true, attributes: true, attributeFilter: ["disabled"] });
    return () => observer.disconnect();
  }, [toolbarRef, sync]);

  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      // React bubbles events from portals (the form in the panel) through here: only the toolbar's own count.
      const toolbar = toolbarRef.current;
      if (!toolbar || !itemsOf(toolbar).includes(event.target)) return;
      current.current = event.target;
      sync();
    },
    [toolbarRef, sync],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const toolbar = toolbarRef.current;
      if (!toolbar || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const items = itemsOf(toolbar);
      const index = items.indexOf(event.target as HTMLElement);
      if (index === -1) return;
      const rtl = toolbar.closest("[dir]")?.getAttribute("dir") === "rtl";
      const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
      let next: number;
      if (step !== undefined) next = (index + step + items.length) % items.length;
      else if (event.key === "Home") next = 0;
      else if (event.key === "End") next = items.length - 1;
      else return;
      event.preventDefault();
      items[next]?.focus();
    },
    [toolbarRef],
  );

  return { onFocus, onKeyDown };
}
