// One polite live region for the page, in `document.body`. A stepper lives inside the answer it steps through,
// so it is mounted afresh with every version; a live region of its own would be new each time, and screen
// readers announce changes to a region, not regions that arrive with their text.
let region: HTMLElement | null = null;
let clearing: ReturnType<typeof setTimeout> | undefined;

/** How long an announcement stays in the region: long enough to be read, gone before a reader browses to it. */
const KEEP_MS = 7000;

/** Puts the page's live region in place ahead of the first announcement, which it must precede. */
export function prepareAnnouncer(): void {
  if (typeof document === "undefined" || region?.isConnected) return;
  region = document.createElement("div");
  region.setAttribute("role", "status");
  region.setAttribute("data-rfl-announcer", "");
  region.style.cssText =
    "position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0";
  document.body.append(region);
}

/** Says `text` politely (after what the screen reader is saying); the same text twice is said twice. */
export function announce(text: string): void {
  prepareAnnouncer();
  // A new text node is an addition even when the words are the same as last time.
  region?.replaceChildren(document.createTextNode(text));
  clearTimeout(clearing);
  clearing = setTimeout(() => region?.replaceChildren(), KEEP_MS);
}
