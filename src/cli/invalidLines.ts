import { printable } from "./safeText";

// The invalid lines listed by number in the summary; the rest are only counted.
const LISTED = 10;

/** Collects invalid lines of an input: every one counted, the first few kept with their reason. */
export function invalidLines() {
  const listed: string[] = [];
  let count = 0;
  return {
    get count() {
      return count;
    },
    add(lineNumber: number, reason: string): void {
      count++;
      // Reasons name fields from the input: escaped, so a crafted name cannot drive the terminal.
      if (listed.length < LISTED) listed.push(`  line ${lineNumber}: ${printable(reason)}`);
    },
    /** `"3 invalid lines skipped:\n  line 4: ...\n"`, with `"  and K more"` past the listed ones; "" for none. */
    summary(): string {
      if (count === 0) return "";
      const more = count > listed.length ? `\n  and ${(count - listed.length).toLocaleString("en-US")} more` : "";
      return `${count.toLocaleString("en-US")} invalid line${count === 1 ? "" : "s"} skipped:\n${listed.join("\n")}${more}\n`;
    },
  };
}
