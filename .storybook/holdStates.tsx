import type { Decorator } from "@storybook/react-vite";
import { COPIED_MS } from "../src";

/**
 * "All states" stories hold every state still for review: "Copied", "Copy failed" and the thank-you after a vote
 * each end on a timer (COPIED_MS and longer), so while such a story is shown, a timer that long never fires.
 * Shorter timers (React's, user-event's, `waitFor`'s one-second limit) run as usual, and the thank-you's fade
 * (a CSS animation, see stories.css) is held too. Any other story, or `parameters.holdStates: false`, lets
 * every timer run.
 */
let holding = false;
const setTimeoutAsBuilt = window.setTimeout.bind(window);
window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) =>
  holding && typeof ms === "number" && ms >= COPIED_MS
    ? setTimeoutAsBuilt(() => {}, 0)
    : setTimeoutAsBuilt(handler, ms, ...args)) as typeof window.setTimeout;

export const withStatesHeld: Decorator = (Story, context) => {
  holding =
    context.viewMode === "story" && (context.parameters.holdStates ?? context.id.endsWith("--all-states")) === true;
  document.documentElement.toggleAttribute("data-hold-states", holding);
  return <Story />;
};
