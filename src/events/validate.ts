import type { FeedbackEvent } from "./types";

/** Why an event breaks the contract: the offending field's path and a sentence about it. */
export interface ContractViolation {
  /** Path of the field, e.g. `"messageId"`, `"stats.similarity"` or `"prompt.0.role"`. */
  field: string;
  message: string;
}

type Check = (value: unknown, field: string) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const string: Check = (value) => (typeof value === "string" ? undefined : "must be a string");
const nonEmpty: Check = (value) =>
  typeof value === "string" && value.length > 0 ? undefined : "must be a non-empty string";
const number =
  (min: number, max = Number.POSITIVE_INFINITY, integer = false): Check =>
  (value) =>
    typeof value === "number" &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value))
      ? undefined
      : `must be ${integer ? "an integer" : "a number"} ${max === Number.POSITIVE_INFINITY ? `of at least ${min}` : `from ${min} to ${max}`}`;
const oneOf =
  (...allowed: unknown[]): Check =>
  (value) =>
    allowed.includes(value) ? undefined : `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`;
const boolean: Check = (value) => (typeof value === "boolean" ? undefined : "must be true or false");

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function jsonValue(value: unknown, field: string, depth = 0): string | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `${field} must be a finite number`;
  if (depth > 64) return `${field} is nested too deeply`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = jsonValue(value[i], `${field}.${i}`, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isObject(value)) {
    for (const key of Object.keys(value)) {
      const problem = jsonValue(value[key], `${field}.${key}`, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  }
  return `${field} must be JSON (string, number, boolean, null, array or object)`;
}

// A check that returns a full "<path> <problem>" sentence for nested fields.
type NestedCheck = (value: unknown, field: string) => ContractViolation | string | undefined;

const rating = oneOf("up", "down", null);

const ENVELOPE: Record<string, Check | NestedCheck> = {
  id: (value) => (typeof value === "string" && UUID_V7.test(value) ? undefined : "must be a lowercase UUID v7"),
  v: oneOf(1),
  type: oneOf("rating", "copy", "regenerate", "edit", "abandon", "custom"),
  ts: (value) =>
    typeof value === "string" && ISO_UTC.test(value) && !Number.isNaN(Date.parse(value))
      ? undefined
      : "must be an ISO-8601 date-time",
  messageId: nonEmpty,
  feedbackKey: nonEmpty,
  traceId: string,
  spanId: string,
  runId: string,
  sessionId: string,
  userId: string,
  app: string,
  environment: string,
  content: string,
  prompt: (value, field) => {
    if (!Array.isArray(value)) return "must be an array of {role, content} messages";
    for (let i = 0; i < value.length; i++) {
      const message = value[i];
      const at = `${field}.${i}`;
      if (!isObject(message)) return { field: at, message: `${at} must be a {role, content} message` };
      for (const key of Object.keys(message)) {
        if (key !== "role" && key !== "content")
          return { field: `${at}.${key}`, message: `${at}.${key} is not allowed` };
      }
      if (typeof message.role !== "string") return { field: `${at}.role`, message: `${at}.role must be a string` };
      if (typeof message.content !== "string")
        return { field: `${at}.content`, message: `${at}.content must be a string` };
    }
    return undefined;
  },
  metadata: (value, field) => {
    if (!isObject(value)) return "must be a JSON object";
    const problem = jsonValue(value, field);
    return problem ? { field, message: problem } : undefined;
  },
  truncated: oneOf(true),
};

const count = number(0, Number.POSITIVE_INFINITY, true);

const PAYLOADS: Record<string, Record<string, [Check | NestedCheck, "required" | "optional"]>> = {
  rating: {
    value: [rating, "required"],
    previous: [rating, "required"],
    reasons: [
      (value) =>
        Array.isArray(value) && value.every((r) => typeof r === "string") ? undefined : "must be an array of strings",
      "optional",
    ],
    comment: [string, "optional"],
  },
  copy: {
    source: [oneOf("button", "selection", "code"), "required"],
    chars: [count, "required"],
    fraction: [number(0, 1), "required"],
    text: [string, "optional"],
  },
  regenerate: {
    attempt: [number(1, Number.POSITIVE_INFINITY, true), "required"],
    previousContent: [string, "optional"],
  },
  edit: {
    draft: [string, "required"],
    final: [string, "required"],
    diff: [
      (value, field) => {
        if (!Array.isArray(value)) return "must be an array of [op, text] pairs";
        for (let i = 0; i < value.length; i++) {
          const op = value[i];
          if (
            !Array.isArray(op) ||
            op.length !== 2 ||
            (op[0] !== -1 && op[0] !== 0 && op[0] !== 1) ||
            typeof op[1] !== "string"
          ) {
            return { field: `${field}.${i}`, message: `${field}.${i} must be an [op, text] pair with op -1, 0 or 1` };
          }
        }
        return undefined;
      },
      "required",
    ],
    stats: [
      (value, field) => {
        if (!isObject(value)) return "must be an object of edit statistics";
        const checks: Record<string, Check> = {
          wordsAdded: count,
          wordsRemoved: count,
          wordsKept: count,
          editRate: number(0),
          similarity: number(0, 1),
          charsAdded: count,
          charsRemoved: count,
        };
        return checkObject(value, checks, Object.keys(checks), field);
      },
      "required",
    ],
    durationMs: [number(0), "required"],
    accepted: [boolean, "required"],
  },
  abandon: {
    dwellMs: [number(0), "required"],
    cause: [oneOf("hidden", "unmounted", "replaced"), "required"],
  },
  custom: {
    name: [nonEmpty, "required"],
    value: [(value, field) => jsonValue(value, field), "optional"],
  },
};

function checkObject(
  value: Record<string, unknown>,
  checks: Record<string, Check | NestedCheck>,
  required: readonly string[],
  prefix = "",
): ContractViolation | undefined {
  const path = (key: string) => (prefix ? `${prefix}.${key}` : key);
  for (const key of required) {
    if (value[key] === undefined) return { field: path(key), message: `${path(key)} is required` };
  }
  for (const key of Object.keys(value)) {
    const check = checks[key];
    if (!check) return { field: path(key), message: `${path(key)} is not a field of this event type` };
    if (value[key] === undefined) continue;
    const problem = checkField(check, value[key], path(key));
    if (problem) return problem;
  }
  return undefined;
}

const ENVELOPE_REQUIRED = ["id", "v", "type", "ts", "messageId", "feedbackKey"] as const;

// Each payload's checks and required fields, built once: validateEvent runs per line on large exports.
const PAYLOAD_CHECKS: Record<string, { checks: Record<string, Check | NestedCheck>; required: string[] }> = {};
for (const [type, payload] of Object.entries(PAYLOADS)) {
  const checks: Record<string, Check | NestedCheck> = {};
  const required: string[] = [];
  for (const [key, [check, presence]] of Object.entries(payload)) {
    checks[key] = check;
    if (presence === "required") required.push(key);
  }
  PAYLOAD_CHECKS[type] = { checks, required };
}

function checkField(check: Check | NestedCheck, value: unknown, field: string): ContractViolation | undefined {
  const problem = check(value, field);
  if (typeof problem === "string") {
    return { field, message: problem.startsWith(field) ? problem : `${field} ${problem}` };
  }
  return problem;
}

/**
 * Checks an event against contract v1 without any dependency (the same rules as `schema.json`, which a test
 * keeps in step). Returns `undefined` for a valid event, else the first violation found: a missing envelope
 * field, then envelope fields in the event's key order, then a missing payload field, then payload fields.
 *
 * @example
 * ```ts
 * const problem = validateEvent(JSON.parse(line));
 * if (problem) console.warn(`skipped: ${problem.message}`);
 * ```
 */
export function validateEvent(event: unknown): ContractViolation | undefined {
  if (!isObject(event)) return { field: "", message: "an event must be a JSON object" };
  // Without copying the event: exports validate millions of lines.
  for (const key of ENVELOPE_REQUIRED) {
    if (event[key] === undefined) return { field: key, message: `${key} is required` };
  }
  // One pass over the keys. An envelope problem is returned at once; the first payload problem waits until
  // the envelope is known to be sound and no required payload field is missing, which keeps that order.
  const payload = PAYLOAD_CHECKS[event.type as string];
  let payloadProblem: ContractViolation | undefined;
  for (const key of Object.keys(event)) {
    const value = event[key];
    if (Object.hasOwn(ENVELOPE, key)) {
      if (value === undefined) continue;
      const problem = checkField(ENVELOPE[key] as Check | NestedCheck, value, key);
      if (problem) return problem;
    } else if (payloadProblem === undefined) {
      if (!payload || !Object.hasOwn(payload.checks, key)) {
        payloadProblem = { field: key, message: `${key} is not a field of this event type` };
      } else if (value !== undefined) {
        payloadProblem = checkField(payload.checks[key] as Check | NestedCheck, value, key);
      }
    }
  }
  for (const key of (payload as (typeof PAYLOAD_CHECKS)[string]).required) {
    if (event[key] === undefined) return { field: key, message: `${key} is required` };
  }
  return payloadProblem;
}

/** Narrows `event` to a `FeedbackEvent` when it satisfies the contract. */
export function isFeedbackEvent(event: unknown): event is FeedbackEvent {
  return validateEvent(event) === undefined;
}
