import type { SendOptions } from "../types";
import { type HttpAnswer, type Outcome, outcomeOf } from "./outcome";

/** One HTTP call of a vendor sink. */
export interface HttpCall {
  url: string;
  method?: "POST" | "PATCH" | "DELETE";
  headers?: Record<string, string>;
  /** Sent as JSON when present. */
  json?: unknown;
}

/**
 * Sends one request and reads the answer. A network failure, a timeout or an abort resolves to `undefined`
 * (a passing failure) instead of throwing, so one lost request never hides the others of a batch.
 */
export async function callHttp(call: HttpCall, options: SendOptions): Promise<HttpAnswer | undefined> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.json !== undefined) headers["content-type"] = "application/json";
  try {
    const response = await fetch(call.url, {
      method: call.method ?? "POST",
      headers,
      body: call.json === undefined ? undefined : JSON.stringify(call.json),
      signal: options.signal,
      keepalive: options.keepalive,
    });
    return { status: response.status, headers: response.headers, body: await response.text() };
  } catch {
    return undefined;
  }
}

/** Sends one request and maps its answer to a delivery outcome (network failures are passing). */
export async function send(call: HttpCall, options: SendOptions): Promise<Outcome> {
  return outcomeOf(await callHttp(call, options));
}

/** Runs `task` over `items` with at most `limit` at once, keeping the order of results. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** `base` without trailing slashes, so `${base}/path` never doubles one. */
export function trimSlash(base: string): string {
  return base.replace(/\/+$/, "");
}
