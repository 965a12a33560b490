import { type ReactNode, useEffect, useLayoutEffect, useState } from "react";
import { AnnouncerContext, createAnnouncer, LiveRegion } from "../shared/liveRegion";
import { installTooltips } from "../shared/tooltips";
import { useStableWidgetSettings, type WidgetSettings, WidgetSettingsContext } from "../shared/WidgetSettings";
import { FeedbackClientContext } from "./context";
import { createFeedbackClient, type FeedbackConfig } from "./feedbackClient";

/** Props of `FeedbackProvider`: one app's feedback configuration. */
export interface FeedbackProviderProps extends FeedbackConfig, WidgetSettings {
  children?: ReactNode;
}

// useLayoutEffect warns during a server render; there is nothing to configure there anyway.
const useIsomorphicLayoutEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

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
  useIsomorphicLayoutEffect(() => {
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
  const settings = useStableWidgetSettings({ labels, includeCopiedText });
  // What the widgets say to screen readers ("Copied"), through one live region for all of them.
  const [announcer] = useState(createAnnouncer);
  return (
    <FeedbackClientContext.Provider value={client}>
      <WidgetSettingsContext.Provider value={settings}>
        <AnnouncerContext.Provider value={announcer}>{children}</AnnouncerContext.Provider>
      </WidgetSettingsContext.Provider>
      <LiveRegion announcer={announcer} />
    </FeedbackClientContext.Provider>
  );
}
