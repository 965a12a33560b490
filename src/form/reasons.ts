import type { FeedbackLabels } from "../labels/defaultLabels";
import { warnOnce } from "../shared/warnOnce";

/** A reason chip: a key (what is stored) or a key with its own label. */
export type ReasonOption = string | { key: string; label?: string };

/** A reason as shown: its stored key and its label. */
export interface Reason {
  key: string;
  label: string;
}

/**
 * The contract's error modes: the default chips after a thumbs-down.
 *
 * @example
 * ```tsx
 * <ThumbsFeedback reasons={{ down: [...DEFAULT_DOWN_REASONS, { key: "outdated", label: "Out of date" }] }} />
 * ```
 */
export const DEFAULT_DOWN_REASONS: readonly string[] = [
  "hallucination",
  "format",
  "refusal",
  "length",
  "instructions",
  "unsafe",
  "other",
];

/** The default chips after a thumbs-up. */
export const DEFAULT_UP_REASONS: readonly string[] = ["correct", "helpful", "clear", "well-formatted", "other"];

// Keys are stored and exported as they are, so they must be identifiers, not sentences.
const KEY_PATTERN = /^[a-z0-9][a-z0-9_.:-]{0,63}$/i;

/**
 * Turns the app's reason options into chips: labels from the option, else the label table, else the key.
 * Keys that cannot be stored (empty, spaces, too long) and repeated keys are left out and reported once in
 * development.
 */
export function resolveReasons(options: readonly ReasonOption[], labels: FeedbackLabels): Reason[] {
  const reasons: Reason[] = [];
  const seen = new Set<string>();
  for (const option of options) {
    const key = typeof option === "string" ? option : option?.key;
    if (typeof key !== "string" || !KEY_PATTERN.test(key)) {
      warnOnce(
        `Reason key ${JSON.stringify(key)} was left out: keys are stored, so use a short identifier (letters, digits, - _ . :, at most 64) and put the wording in a label, e.g. { key: "made-up", label: "Made things up" }.`,
      );
      continue;
    }
    if (seen.has(key)) {
      warnOnce(`Reason key "${key}" is listed twice; the second one was left out.`);
      continue;
    }
    seen.add(key);
    const label = (typeof option === "object" ? option.label : undefined) ?? labels.reasons[key] ?? key;
    reasons.push({ key, label });
  }
  return reasons;
}
