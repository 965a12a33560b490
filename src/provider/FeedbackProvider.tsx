import { type ReactNode, useEffect, useInsertionEffect, useState } from "react";
import { useLiveRegion } from "../shared/liveRegion";
import { installTooltips } from "../shared/tooltips";
import { useStableWidgetSettings, type WidgetSettings, WidgetSettingsContext } from "../shared/WidgetSettings";
import { FeedbackClientContext } from "./context";
import { createFeedbackClient, type FeedbackConfig } from "./feedbackClient";

/** Props of `FeedbackProvider`: one app's feedback configuration. */
export interface FeedbackProviderProps extends FeedbackConfig, WidgetSettings {
  children?: ReactNode;
}

/**
 * Configures feedback for one app: where events go, what is merged into them, what is redacted, and who hears
 * about failures. Every widget and hook must sit inside it.
 *
 * Changing props never re-renders the widgets below: they read the newest configuration when they emit.
 *
 * @example
 * ```tsx
 * const sink = memorySink();
 *
 * export function App() {
 *   return (
 *     <FeedbackProvider sink={sink} context={{ app: "support-bot", sessionId }}>
 *       <Chat />
 *     </FeedbackProvider>
 *   );
 * }
 * ```
 */
export function FeedbackProvider({ children, labels, includeCopiedText, ...config }: FeedbackProviderProps) {
  const [client] = useState(() => createFeedbackClient(config));
  // The newest configuration, in place before any layout effect below can emit (the earliest point after a
  // commit, as `useLatest`; silent on a server, where there is nothing to configure).
  useInsertionEffect(() => {
    client.configure(config);
  });
  useEffect(() => {
    // Sends what an earlier page left behind; StrictMode's second mount starts it again after the close.
    client.start();
    return () => client.close();
  }, [client]);
  // The widget buttons' tooltips: one set of page listeners for all of them. Not loaded lazily: it is small, and
  // a keyboard user's first Tab must find it there.
  useEffect(() => installTooltips(), []);
  // What the widgets say to screen readers ("Copied"), through one live region for all of them. Saying it
  // re-renders the provider alone: its children are the same elements, so React leaves them be.
  const [announce, liveRegion] = useLiveRegion();
  const settings = useStableWidgetSettings({ labels, includeCopiedText, announce });
  return (
    <FeedbackClientContext.Provider value={client}>
      <WidgetSettingsContext.Provider value={settings}>{children}</WidgetSettingsContext.Provider>
      {liveRegion}
    </FeedbackClientContext.Provider>
  );
}
