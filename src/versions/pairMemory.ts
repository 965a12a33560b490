import type { FeedbackClient } from "../provider/feedbackClient";
import { providerClient } from "./observeEmits";

type Memory = Map<string, string>;

// Kept beside the provider's client, as its vote memory is: for the page's life, across unmounts.
const memories = new WeakMap<FeedbackClient, Map<string, Memory>>();

/** Where pairs are kept for the browser tab's life, so a reload does not ask about them again. */
const STORAGE_KEY = "react-feedback-loop:pairs";

function sessionStore(): Storage | undefined {
  try {
    return typeof sessionStorage === "undefined" ? undefined : sessionStorage;
  } catch {
    // A sandboxed frame or disabled storage throws on access: the page's memory is enough.
    return undefined;
  }
}

function readStored(): Record<string, Record<string, string>> {
  try {
    const all: unknown = JSON.parse(sessionStore()?.getItem(STORAGE_KEY) ?? "{}");
    return typeof all === "object" && all !== null ? (all as Record<string, Record<string, string>>) : {};
  } catch {
    return {};
  }
}

function memoryOf(client: FeedbackClient, kind: string, persist: boolean): Memory {
  const owner = providerClient(client);
  let kinds = memories.get(owner);
  if (!kinds) {
    kinds = new Map();
    memories.set(owner, kinds);
  }
  let memory = kinds.get(kind);
  if (!memory) {
    const stored = persist ? readStored()[kind] : undefined;
    memory = new Map(Object.entries(stored ?? {}).filter((entry) => typeof entry[1] === "string"));
    kinds.set(kind, memory);
  }
  return memory;
}

/**
 * Records `value` for `key` (a pair of answers) under `kind`, for the provider of `client`: true when it is new
 * or differs from what was recorded, false when it is the same again. Remembered for the page's life, and in
 * `sessionStorage` too when `persist` is set and storage is there.
 */
export function recordPair(client: FeedbackClient, kind: string, key: string, value: string, persist = false) {
  const memory = memoryOf(client, kind, persist);
  if (memory.get(key) === value) return false;
  memory.set(key, value);
  const storage = persist ? sessionStore() : undefined;
  if (storage) {
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify({ ...readStored(), [kind]: Object.fromEntries(memory) }));
    } catch {
      // Full or refused: the page's memory still holds it.
    }
  }
  return true;
}

/** What was recorded for `key` under `kind` (see `recordPair`), if anything. */
export function recalledPair(client: FeedbackClient, kind: string, key: string, persist = false): string | undefined {
  return memoryOf(client, kind, persist).get(key);
}
