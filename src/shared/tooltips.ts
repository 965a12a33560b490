import { TOOLTIP_ATTRIBUTE } from "./tooltipAttribute";

// The tooltips of every widget button on the page, handled by one set of listeners on the document. A button
// only carries its label (`data-rfl-tooltip`): a chat of a thousand messages mounts no tooltip code per button,
// and the one tooltip element is made the first time a label is shown.
//
// It follows the WAI-ARIA tooltip pattern: shown on hover (after DELAY_MS) and on keyboard focus, not on a
// press or on touch; hidden on leaving, blur, a press or Escape; while shown it describes its button
// (`aria-describedby`). It sits above the button, or below when there is no room, in `document.body`, so no
// ancestor's overflow cuts it.

// Hover waits this long, as most design systems do; moving on to the next button while one is shown (or
// within SKIP_DELAY_MS of it hiding) shows the next at once.
const DELAY_MS = 500;
const SKIP_DELAY_MS = 300;
// Space between the button and the tooltip, and between the tooltip and the viewport's edges.
const GAP_PX = 4;
const TOOLTIP_ID = "rfl-tooltip";

let users = 0;
let tooltip: HTMLDivElement | undefined;
let shownFor: Element | undefined;
let labelWatcher: MutationObserver | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let hiddenAt = Number.NEGATIVE_INFINITY;
// A focus that comes with a pointer press is not a keyboard focus: it shows nothing.
let pressing = false;

const triggerOf = (target: EventTarget | null) =>
  target instanceof Element ? target.closest(`[${TOOLTIP_ATTRIBUTE}]`) : null;

function describedBy(element: Element, add: boolean) {
  const ids = (element.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id && id !== TOOLTIP_ID);
  if (add) ids.push(TOOLTIP_ID);
  if (ids.length > 0) element.setAttribute("aria-describedby", ids.join(" "));
  else element.removeAttribute("aria-describedby");
}

function place(trigger: Element, tip: HTMLElement) {
  const button = trigger.getBoundingClientRect();
  const size = tip.getBoundingClientRect();
  const fitsAbove = button.top - size.height - GAP_PX >= 0;
  const top = fitsAbove ? button.top - size.height - GAP_PX : button.bottom + GAP_PX;
  const centered = button.left + (button.width - size.width) / 2;
  const left = Math.max(GAP_PX, Math.min(centered, document.documentElement.clientWidth - size.width - GAP_PX));
  tip.style.top = `${top}px`;
  tip.style.left = `${left}px`;
}

function show(trigger: Element) {
  clearTimeout(timer);
  const label = trigger.getAttribute(TOOLTIP_ATTRIBUTE);
  if (!label || !trigger.isConnected) return hide();
  if (shownFor && shownFor !== trigger) hide();
  if (!tooltip) {
    tooltip = document.createElement("div");
    tooltip.id = TOOLTIP_ID;
    tooltip.setAttribute("role", "tooltip");
    tooltip.className = "rfl-tooltip";
    tooltip.style.position = "fixed";
    tooltip.style.pointerEvents = "none";
  }
  // Text, never HTML.
  tooltip.textContent = label;
  if (!tooltip.isConnected) document.body.append(tooltip);
  describedBy(trigger, true);
  shownFor = trigger;
  place(trigger, tooltip);
  // A label that changes while shown ("Copy" → "Copied") changes the tooltip with it.
  labelWatcher?.disconnect();
  labelWatcher = new MutationObserver(() => (shownFor === trigger ? show(trigger) : undefined));
  labelWatcher.observe(trigger, { attributes: true, attributeFilter: [TOOLTIP_ATTRIBUTE] });
}

function hide() {
  clearTimeout(timer);
  labelWatcher?.disconnect();
  if (!shownFor) return;
  describedBy(shownFor, false);
  shownFor = undefined;
  tooltip?.remove();
  hiddenAt = performance.now();
}

const listeners: [string, (event: Event) => void][] = [
  [
    "pointerover",
    (event) => {
      const trigger = triggerOf(event.target);
      if (!trigger || trigger === shownFor || pressing || (event as PointerEvent).pointerType === "touch") return;
      clearTimeout(timer);
      const skip = shownFor !== undefined || performance.now() - hiddenAt < SKIP_DELAY_MS;
      timer = setTimeout(() => show(trigger), skip ? 0 : DELAY_MS);
    },
  ],
  [
    "pointerout",
    (event) => {
      const trigger = triggerOf(event.target);
      if (trigger && !trigger.contains((event as PointerEvent).relatedTarget as Node | null)) {
        if (trigger === shownFor) hide();
        else clearTimeout(timer);
      }
    },
  ],
  [
    "pointerdown",
    () => {
      pressing = true;
      hide();
    },
  ],
  [
    "pointerup",
    () => {
      pressing = false;
    },
  ],
  [
    "focusin",
    (event) => {
      const trigger = triggerOf(event.target);
      if (trigger && !pressing && trigger !== quiet) show(trigger);
    },
  ],
  [
    "focusout",
    (event) => {
      if (triggerOf(event.target) === shownFor) hide();
    },
  ],
  [
    "keydown",
    (event) => {
      if ((event as KeyboardEvent).key === "Escape") hide();
    },
  ],
];

// The button focus is being given back to: no tooltip for it (see focusWithoutTooltip).
let quiet: Element | null = null;

/**
 * Gives focus back to a button (after a submit, Escape or Save) without opening its tooltip over the message:
 * the user asked for nothing, and a tooltip would cover the text they are reading.
 */
export function focusWithoutTooltip(element: HTMLElement | null | undefined): void {
  if (!element) return;
  quiet = element;
  element.focus();
  quiet = null;
}

/**
 * Starts handling widget tooltips on this page (each `FeedbackProvider` calls it once it mounts); returns the
 * function that stops, the last stop removing the listeners and the tooltip.
 */
export function installTooltips(): () => void {
  if (users++ === 0) {
    for (const [type, listener] of listeners) document.addEventListener(type, listener, true);
  }
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    if (--users > 0) return;
    for (const [type, listener] of listeners) document.removeEventListener(type, listener, true);
    hide();
  };
}
