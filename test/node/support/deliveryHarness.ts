// Runs in the page of the delivery fault tests: a feedback client on an httpSink, driven from the test
// through `window.harness`. The page reads its configuration from the query string, so a reload comes back
// with the same one (and the same stored queue).
import { createFeedbackClient, type DeliveryOptions, type FeedbackClient, httpSink } from "../../../src";

interface HarnessConfig {
  ingest: string;
  beacon?: boolean;
  delivery?: DeliveryOptions;
}

const config = JSON.parse(new URLSearchParams(location.search).get("config") ?? "{}") as HarnessConfig;
const errors: { kind: string; message: string; count: number }[] = [];
const exitSends: { keepalive: boolean; bytes: number; count: number }[] = [];

// Each page load tags its requests, so the server can tell the tabs apart.
const pageTag = Math.random().toString(36).slice(2, 8);
const http = httpSink({ url: `${config.ingest}?page=${pageTag}`, beacon: config.beacon ?? false, name: "ingest" });
const client: FeedbackClient = createFeedbackClient({
  sink: {
    name: http.name,
    send(events, options) {
      exitSends.push({
        keepalive: options.keepalive,
        bytes: new TextEncoder().encode(JSON.stringify({ events })).length,
        count: events.length,
      });
      return http.send(events, options);
    },
  },
  delivery: config.delivery,
  onError: (error) => errors.push({ kind: error.kind, message: error.message, count: error.eventIds?.length ?? 0 }),
});
client.start();

const harness = {
  /** Emits `count` events, each carrying `textBytes` of text; returns their ids. */
  emit(count: number, textBytes = 10): string[] {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const event = client.emit({
        type: "custom",
        name: "fault-test",
        messageId: `m${i}`,
        value: "x".repeat(textBytes),
      });
      if (event) ids.push(event.id);
    }
    return ids;
  },
  flush: () => client.flush(),
  errors: () => errors,
  sends: () => exitSends,
  /** Events waiting in this origin's stored queue. */
  storedCount(): Promise<number> {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open("react-feedback-loop:ingest", 1);
      // No queue stored yet: say 0 without creating an empty database the queue would then find.
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onerror = () => (request.error?.name === "AbortError" ? resolve(0) : reject(request.error));
      request.onsuccess = () => {
        const db = request.result;
        const count = db.transaction("events").objectStore("events").count();
        count.onsuccess = () => {
          db.close();
          resolve(count.result);
        };
      };
    });
  },
  /** What the page sees when it is hidden (no headless browser hides a tab on its own). */
  hide() {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  },
};

(window as unknown as { harness: typeof harness }).harness = harness;
