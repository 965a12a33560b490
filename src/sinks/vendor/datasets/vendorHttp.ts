import { retryDelayMs } from "../../../delivery/backoff";
import { errorText, outcomeOfStatus } from "../../http/outcome";
import { trimSlash } from "../../http/request";

/** How long a push keeps trying a vendor that answers 408, 429 or 5xx (or cannot be reached). */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  /** Tries in all, the first one included. */
  attempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 1000, maxMs: 30_000, attempts: 6 };

export interface VendorHttpOptions {
  /** The vendor's name, for messages: "Langfuse". */
  vendor: string;
  baseUrl: string;
  headers: Record<string, string>;
  /** Values never to show in a message (keys, and the headers made from them). */
  secrets: readonly string[];
  retry?: RetryPolicy;
}

/** A vendor refused a request for good (a 4xx other than 408 and 429): the push stops with its words. */
export class VendorRefusal extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "VendorRefusal";
  }
}

/** One request: a JSON body, or form data (LangSmith's multipart example upload). */
export interface VendorRequest {
  method: "GET" | "POST";
  path: string;
  json?: unknown;
  form?: FormData;
}

/** Replaces each secret, and the base64 of any `a:b` pair of them (Basic auth), with `[redacted]`. */
export function scrubber(secrets: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    for (const other of secrets) forms.add(btoa(`${other}:${secret}`));
  }
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  return (text) => sorted.reduce((out, form) => out.split(form).join("[redacted]"), text);
}

// A success answered with something other than JSON (an empty body, a plain "OK") carries nothing to read.
function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends requests to one vendor's API for `push`: 408, 429, 5xx and network failures are tried again with
 * exponential backoff (a `Retry-After` is waited out), up to `retry.attempts` tries; any other 4xx throws a
 * `VendorRefusal` naming the vendor's message. No message ever holds one of `secrets`.
 */
export function vendorHttp(options: VendorHttpOptions) {
  const base = trimSlash(options.baseUrl);
  const retry = options.retry ?? DEFAULT_RETRY;
  const scrub = scrubber(options.secrets);

  return async function call<T = unknown>(request: VendorRequest): Promise<T> {
    let lastProblem = "";
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
      let response: Response | undefined;
      try {
        response = await fetch(`${base}${request.path}`, {
          method: request.method,
          headers:
            request.json === undefined ? options.headers : { ...options.headers, "content-type": "application/json" },
          body: request.form ?? (request.json === undefined ? undefined : JSON.stringify(request.json)),
        });
      } catch (error) {
        lastProblem = scrub((error as Error).message);
      }
      if (response) {
        const text = await response.text();
        // Scrubbed before anything is cut short, so no part of a secret survives at the cut.
        const outcome = outcomeOfStatus(response.status, response.headers, scrub(text));
        if (outcome.status === "accepted") return readJson(text) as T;
        if (outcome.status === "rejected") {
          const where = `${request.method} ${request.path.split("?")[0]}`;
          throw new VendorRefusal(`${options.vendor} refused ${where} (${outcome.reason}).`, response.status);
        }
        const words = errorText(scrub(text));
        lastProblem = `HTTP ${response.status}${words ? `: ${words}` : ""}`;
        if (attempt < retry.attempts) await sleep(retryDelayMs(attempt, retry, outcome.retryAfterMs));
        continue;
      }
      if (attempt < retry.attempts) await sleep(retryDelayMs(attempt, retry));
    }
    throw new Error(`${options.vendor} still failing after ${retry.attempts} tries (${lastProblem}).`);
  };
}

export type VendorCall = ReturnType<typeof vendorHttp>;
