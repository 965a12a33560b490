import { useContext, useMemo } from "react";
import { WidgetSettingsContext } from "../shared/WidgetSettings";
import { type FeedbackLabels, type LabelOverrides, mergeLabels } from "./defaultLabels";

/**
 * The labels a widget shows: English defaults, then the provider's `labels`, then the widget's own.
 *
 * @example
 * ```tsx
 * function MyCopy() {
 *   const labels = useLabels({ copy: "Kopieren" });
 *   return <button type="button">{labels.copy}</button>;
 * }
 * ```
 */
export function useLabels(overrides?: LabelOverrides): FeedbackLabels {
  const { labels: fromProvider } = useContext(WidgetSettingsContext);
  return useMemo(() => mergeLabels(fromProvider, overrides), [fromProvider, overrides]);
}
