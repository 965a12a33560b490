import { cutText, MAX_REASON_CHARS, MAX_REASONS, MAX_TEXT_BYTES } from "./limits";
import type { FeedbackEvent, FeedbackEventOf, FeedbackEventType } from "./types";

/** Why an event breaks the contract: the offending field's path and a sentence about it. */
export interface ContractViolation {
  /** Path of the field, e.g. `"messageId"`, `"stats.similarity"` or `"prompt.0.role"`. */
  field: string;
  message: string;
}

// A rule checks one value; it returns nothing when the value is fine, else what is wrong: a sentence about the
// value itself ("must be a string"), or [path inside the value, sentence] for a nested field. Paths are built
// only for a problem, so checking a valid event allocates nothing. The rules say what schema.json says (a test
// keeps the two in step) in a few functions, because this file ships in every browser bundle.
type Problem = string | [string, string] | undefined;
type Rule = ((value: unknown) => Problem) & { optional?: true };
type Shape = Record<string, Rule>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// Every string of an event is bounded, so a server that stores what passes here stores bounded rows.
const tooLong = (value: string): Problem =>
  cutText(value) === value ? undefined : `must be at most ${MAX_TEXT_BYTES / 1024} KiB of UTF-8`;
const text: Rule = (value) => (typeof value === "string" ? tooLong(value) : "must be a string");
const nonEmpty: Rule = (value) => (typeof value === "string" && value ? tooLong(value) : "must be a non-empty string");
// A reason is an error-mode key; counted in code points, as JSON Schema's maxLength counts.
const reasonKey: Rule = (value) =>
  typeof value !== "string"
    ? "must be a string"
    : value.length > MAX_REASON_CHARS && [...value].length > MAX_REASON_CHARS
      ? `must be at most ${MAX_REASON_CHARS} characters`
      : undefined;
const boolean: Rule = (value) => (typeof value === "boolean" ? undefined : "must be true or false");
const number =
  (min: number, max = Number.POSITIVE_INFINITY, integer?: boolean): Rule =>
  (value) =>
    typeof value === "number" && value >= min && value <= max && (!integer || Number.isInteger(value))
      ? undefined
      : `must be ${integer ? "an integer" : "a number"} from ${min}${max < Number.POSITIVE_INFINITY ? ` to ${max}` : " up"}`;
const count = /* @__PURE__ */ number(0, Number.POSITIVE_INFINITY, true);
const oneOf =
  (...allowed: unknown[]): Rule =>
  (value) =>
    allowed.includes(value) ? undefined : `must be one of ${allowed.map((item) => JSON.stringify(item)).join(", ")}`;
const optional = (rule: Rule): Rule => Object.assign((value: unknown) => rule(value), { optional: true as const });
const rating = /* @__PURE__ */ oneOf("up", "down", null);

// The problem of a field inside `key`, with the path from `key` on.
const inside = (key: string | number, problem: string | [string, string]): [string, string] =>
  typeof problem === "string" ? [`${key}`, problem] : [`${key}.${problem[0]}`, problem[1]];

const list =
  (item: Rule, what: string, maxItems = Number.POSITIVE_INFINITY): Rule =>
  (value) => {
    if (!Array.isArray(value)) return `must be an array of ${what}`;
    if (value.length > maxItems) return `must hold at most ${maxItems} ${what}`;
    for (let i = 0; i < value.length; i++) {
      const problem = item(value[i]);
      if (problem) return inside(i, problem);
    }
  };

const object =
  (shape: Shape, what: string): Rule =>
  (value) =>
    isObject(value) ? checkShape(value, shape) : `must be ${what}`;

function json(value: unknown, depth = 0): Problem {
  if (typeof value === "string") return tooLong(value);
  if (value === null || typeof value === "boolean") return;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : "must be a finite number";
  if (depth > 64 || typeof value !== "object") return "must be JSON";
  for (const key of Object.keys(value)) {
    const problem = json((value as Record<string, unknown>)[key], depth + 1);
    if (problem) return inside(key, problem);
  }
}

function checkShape(value: Record<string, unknown>, shape: Shape): Problem {
  for (const key in shape) {
    if (value[key] === undefined && !shape[key]?.optional) return [key, "is required"];
  }
  // for-in, not Object.keys: V8 then reads value[key] straight from the object's layout, and no array is made.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    // Own keys only: a field named like an Object method ("constructor", "toString") is unknown, not a rule.
    const rule = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!rule) return [key, "is not a field of this event type"];
    const problem = value[key] === undefined ? undefined : rule(value[key]);
    if (problem) return inside(key, problem);
  }
}

// The rule tables are built on first use: a bundle that never validates (widgets alone) leaves them out.
let rules: { envelope: Shape; shapes: Record<string, Shape> } | undefined;

function contractRules() {
  const envelope: Shape = {
    id: (value) =>
      typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(value)
        ? undefined
        : "must be a lowercase UUID v7",
    v: oneOf(1),
    type: oneOf("rating", "copy", "regenerate", "edit", "abandon", "preference", "custom"),
    ts: (value) =>
      typeof value === "string" &&
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(value) &&
      !Number.isNaN(Date.parse(value))
        ? undefined
        : "must be an ISO-8601 date-time",
    messageId: nonEmpty,
    feedbackKey: nonEmpty,
    traceId: optional(text),
    spanId: optional(text),
    runId: optional(text),
    sessionId: optional(text),
    userId: optional(text),
    app: optional(text),
    environment: optional(text),
    content: optional(text),
    prompt: optional(
      list(object({ role: text, content: text }, "a {role, content} message"), "{role, content} messages"),
    ),
    metadata: optional((value) => (isObject(value) ? json(value) : "must be a JSON object")),
    truncated: optional(oneOf(true)),
  };

  const payloads: Record<string, Shape> = {
    rating: {
      value: rating,
      previous: rating,
      reasons: optional(list(reasonKey, "strings", MAX_REASONS)),
      comment: optional(text),
    },
    copy: { source: oneOf("button", "selection", "code"), chars: count, fraction: number(0, 1), text: optional(text) },
    regenerate: { attempt: number(1, Number.POSITIVE_INFINITY, true), previousContent: optional(text) },
    edit: {
      draft: text,
      final: text,
      diff: list(
        (value) =>
          Array.isArray(value) && value.length === 2 && [-1, 0, 1].includes(value[0]) && typeof value[1] === "string"
            ? undefined
            : "must be an [op, text] pair with op -1, 0 or 1",
        "[op, text] pairs",
      ),
      stats: object(
        {
          wordsAdded: count,
          wordsRemoved: count,
          wordsKept: count,
          editRate: number(0),
          similarity: number(0, 1),
          charsAdded: count,
          charsRemoved: count,
        },
        "an object of edit statistics",
      ),
      durationMs: count,
      accepted: boolean,
    },
    abandon: { dwellMs: count, cause: oneOf("hidden", "unmounted", "replaced") },
    preference: {
      rejectedMessageId: nonEmpty,
      rejectedTraceId: optional(text),
      rejectedSpanId: optional(text),
      rejectedRunId: optional(text),
      strength: oneOf("clear", "slight", "tie"),
      source: oneOf("compare", "kept"),
      chosen: optional(text),
      rejected: optional(text),
    },
    custom: { name: nonEmpty, value: optional(json) },
  };

  // Each type's fields, the envelope's first: one shape per type, so an event is checked in one pass.
  const shapes: Record<string, Shape> = {};
  for (const type in payloads) shapes[type] = { ...envelope, ...payloads[type] };
  return { envelope, shapes };
}

/**
 * Checks an event against contract v1 without any dependency (the same rules as `schema.json`, which a test
 * keeps in step). Returns `undefined` for a valid event, else the first violation found.
 *
 * @example
 * ```ts
 * const problem = validateEvent(JSON.parse(line));
 * if (problem) console.warn(`skipped: ${problem.message}`);
 * ```
 */
export function validateEvent(event: unknown): ContractViolation | undefined {
  if (!isObject(event)) return { field: "", message: "an event must be a JSON object" };
  // The type decides which fields belong, so it is checked first.
  if (event.type === undefined) return { field: "type", message: "type is required" };
  rules ??= contractRules();
  const wrongType = rules.envelope.type?.(event.type) as string | undefined;
  const problem = wrongType
    ? inside("type", wrongType)
    : (checkShape(event, rules.shapes[event.type as string] as Shape) ?? checkDiff(event) ?? checkPair(event));
  if (problem) return { field: problem[0], message: `${problem[0]} ${problem[1]}` };
}

// The one rule JSON Schema cannot say: an edit's diff rebuilds its draft and its final exactly. It also keeps a
// `redact` that rewrites draft or final, but not the diff, from sending the unredacted text inside the diff.
function checkDiff(event: Record<string, unknown>): Problem {
  if (event.type !== "edit") return;
  let draft = "";
  let final = "";
  for (const [op, text] of event.diff as [number, string][]) {
    if (op <= 0) draft += text;
    if (op >= 0) final += text;
  }
  if (draft !== event.draft || final !== event.final) {
    return ["diff", "must rebuild draft and final exactly (make it with diffWords)"];
  }
}

// The other rule JSON Schema cannot say: a preference is between two answers, never an answer and itself.
function checkPair(event: Record<string, unknown>): Problem {
  if (event.type === "preference" && event.rejectedMessageId === event.messageId) {
    return ["rejectedMessageId", "must name another answer than messageId"];
  }
}

/** Narrows `event` to a `FeedbackEvent` when it satisfies the contract. */
export function isFeedbackEvent(event: unknown): event is FeedbackEvent {
  return validateEvent(event) === undefined;
}

/**
 * Narrows `event` to the event of `type` when it satisfies the contract and is of that type: how a caller
 * that built or asked for one type gets that type back, checked.
 *
 * @example
 * ```ts
 * if (isEventOf(event, "rating")) console.log(event.value);
 * ```
 */
export function isEventOf<T extends FeedbackEventType>(event: unknown, type: T): event is FeedbackEventOf<T> {
  return isFeedbackEvent(event) && event.type === type;
}
