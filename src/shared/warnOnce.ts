import { isDevelopment } from "./isDevelopment";

// Messages already shown: a misconfiguration is reported once per page, not once per render or per message.
const shown = new Set<string>();

/** Warns in development, once per distinct message; silent in production. */
export function warnOnce(message: string): void {
  if (!isDevelopment() || shown.has(message)) return;
  shown.add(message);
  console.warn(`[react-feedback-loop] ${message}`);
}
