import { clsx } from "clsx";
import type { DiffOp } from "../events/types";
import { visuallyHidden } from "../shared/visuallyHidden";

/** The words screen readers hear before each change; pass any of them to translate. */
export interface DiffViewLabels {
  added: string;
  removed: string;
}

/** Props of `DiffView`. */
export interface DiffViewProps {
  /** A word-level diff, as an `edit` event or `diffWords` carries it. */
  diff: readonly DiffOp[];
  labels?: Partial<DiffViewLabels>;
  className?: string;
}

const DEFAULT_LABELS: DiffViewLabels = { added: "added", removed: "removed" };

const OP_NAMES = { [-1]: "removed", 0: "kept", 1: "added" } as const;

/**
 * Shows a diff inline: removed text struck through in `<del>`, added text in `<ins>`, each preceded by a
 * word that only screen readers hear ("removed", "added"), since most do not announce the elements
 * themselves. Text only, never HTML. For stories and for an app's review screen of edits.
 *
 * @example
 * ```tsx
 * const { diff } = diffWords(event.draft, event.final);
 * <DiffView diff={diff} />
 * ```
 */
export function DiffView({ diff, labels: labelOverrides, className }: DiffViewProps) {
  const labels = { ...DEFAULT_LABELS, ...labelOverrides };
  return (
    <div className={clsx("rfl-diff", className)}>
      {diff.map(([op, text], index) => {
        // A diff never changes in place, so the position is a stable key.
        const key = index;
        if (op === 1) {
          return (
            <ins key={key} data-op={OP_NAMES[op]}>
              <span style={visuallyHidden}>{`[${labels.added}: `}</span>
              {text}
              <span style={visuallyHidden}>]</span>
            </ins>
          );
        }
        if (op === -1) {
          return (
            <del key={key} data-op={OP_NAMES[op]}>
              <span style={visuallyHidden}>{`[${labels.removed}: `}</span>
              {text}
              <span style={visuallyHidden}>]</span>
            </del>
          );
        }
        return (
          <span key={key} data-op={OP_NAMES[0]}>
            {text}
          </span>
        );
      })}
    </div>
  );
}
