import { createContext, useState } from "react";
import type { LabelOverrides } from "../labels/defaultLabels";
import type { Announce } from "./liveRegion";

/** Widget options set once on `FeedbackProvider`. Kept apart from the engine, which knows nothing of UI. */
export interface WidgetSettings {
  /** Label overrides for every widget below (e.g. a translation). */
  labels?: LabelOverrides | undefined;
  /** Put the copied text itself into `copy` events (off by default: it may hold personal data). */
  includeCopiedText?: boolean | undefined;
}

/** What the provider gives every widget below: its settings, and the voice of its one live region. */
export interface WidgetContext extends WidgetSettings {
  /** Says a text to screen readers (see `useLiveRegion`); absent only outside a provider. */
  announce?: Announce | undefined;
}

export const WidgetSettingsContext = /* @__PURE__ */ createContext<WidgetContext>({});

function sameEntries(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => Object.is(a[key as keyof typeof a], b[key as keyof typeof b]));
}

/**
 * The settings as one object that keeps its identity while their content is the same: an app that writes
 * `labels={{ copy: "Kopieren" }}` inline must not re-render every widget on each render of the provider.
 */
export function useStableWidgetSettings(settings: WidgetContext): WidgetContext {
  const [stable, setStable] = useState(settings);
  const same =
    stable.includeCopiedText === settings.includeCopiedText &&
    sameEntries({ ...stable.labels, reasons: undefined }, { ...settings.labels, reasons: undefined }) &&
    sameEntries(stable.labels?.reasons, settings.labels?.reasons);
  // New content: keep it for the next renders (React re-renders at once, before anything below commits).
  if (!same) setStable(settings);
  return same ? stable : settings;
}
