/**
 * Writes text to the clipboard. Call it inside the click handler, before any `await` of your own: browsers
 * only allow clipboard writes during a user gesture. Uses `navigator.clipboard` and falls back to a hidden
 * textarea and `document.execCommand("copy")` where that is missing or refused (plain HTTP, old browsers).
 * Resolves to whether the text was copied; never rejects.
 *
 * @example
 * ```tsx
 * <button type="button" onClick={async () => setCopied(await writeClipboard(code))}>Copy code</button>
 * ```
 */
export async function writeClipboard(text: string): Promise<boolean> {
  if (typeof navigator !== "undefined" && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, document not focused): try the older way below.
    }
  }
  return copyThroughTextarea(text);
}

function copyThroughTextarea(text: string): boolean {
  if (typeof document === "undefined" || typeof document.execCommand !== "function") return false;
  const focused = document.activeElement as HTMLElement | null;
  const textarea = document.createElement("textarea");
  textarea.value = text;
  textarea.setAttribute("readonly", "");
  textarea.setAttribute("aria-hidden", "true");
  textarea.style.position = "fixed";
  textarea.style.top = "0";
  textarea.style.opacity = "0";
  document.body.append(textarea);
  textarea.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  textarea.remove();
  focused?.focus();
  return copied;
}
