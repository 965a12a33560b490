import { clsx } from "clsx";
import { editStats } from "../diff/editStats";
import type { DiffOp } from "../events/types";
import type { FeedbackLabels, LabelOverrides } from "../labels/defaultLabels";
import { formatLabel } from "../labels/formatLabel";
import { useLabels } from "../labels/useLabels";
import { visuallyHidden } from "../shared/visuallyHidden";

/** Props of `DiffView`. */
export interface DiffViewProps {
  /** A word-level diff, as an `edit` event or `diffWords` carries it. */
  diff: readonly DiffOp[];
  /**
   * Folded under a summary the user opens ("What changed: 3 words added, 1 word removed"), for a diff shown
   * under a message. Default false: the diff alone.
   */
  collapsible?: boolean;
  /** Overrides of the shared label table (`diffAdded`, `diffRemoved`, `diffTitle`, ...). */
  labels?: LabelOverrides;
  className?: string;
}

const OP_NAMES = { [-1]: "removed", 0: "kept", 1: "added" } as const;

/** "3 words added, 1 word removed", in the label set's language. */
function diffSummary(diff: readonly DiffOp[], labels: FeedbackLabels): string {
  const stats = editStats(diff);
  return [
    formatLabel(labels, labels.diffWordsAdded, { count: stats.wordsAdded }),
    formatLabel(labels, labels.diffWordsRemoved, { count: stats.wordsRemoved }),
  ].join(", ");
}

/**
 * Shows a diff inline: removed text struck through in `<del>`, added text underlined in `<ins>` (so the
 * meaning does not rest on colour), a gap between a removal and the insertion after it, each preceded by a
 * word only screen readers hear ("removed", "added"), since most do not announce the elements themselves.
 * Text only, never HTML. For a message's "what changed" and for an app's review screen of edits.
 *
 * @example
 * ```tsx
 * const { diff } = diffWords(event.draft, event.final);
 * <DiffView diff={diff} collapsible />
 * ```
 */
export function DiffView({ diff, collapsible = false, labels: labelOverrides, className }: DiffViewProps) {
  const labels = useLabels(labelOverrides);
  const body = (
    <div className={clsx("rfl-diff", !collapsible && className)}>
      {diff.map(([op, text], index) => {
        // A diff never changes in place, so the position is a stable key.
        const key = index;
        if (op === 0) {
          return (
            <span key={key} data-op={OP_NAMES[0]}>
              {text}
            </span>
          );
        }
        const Change = op === 1 ? "ins" : "del";
        return (
          <Change key={key} data-op={OP_NAMES[op]}>
            <span style={visuallyHidden}>{`[${op === 1 ? labels.diffAdded : labels.diffRemoved}: `}</span>
            {text}
            <span style={visuallyHidden}>]</span>
          </Change>
        );
      })}
    </div>
  );
  if (!collapsible) return body;
  return (
    <details className={clsx("rfl-diff-details", className)}>
      <summary className="rfl-diff-summary">
        {labels.diffTitle}
        <span className="rfl-diff-stats">{diffSummary(diff, labels)}</span>
      </summary>
      {body}
    </details>
  );
}
