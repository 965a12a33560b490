import type { FeedbackEvent, FeedbackEventType, PromptMessage } from "../events/types";

/**
 * What a dataset function read and what it left out. Counts grow while the dataset is iterated and are final
 * once the iteration has ended.
 */
export interface DatasetReport {
  /** Items read from the input, including invalid ones and duplicates. */
  events: number;
  /** Rows written (pairs, KTO rows, regression cases; negative answers for buckets). */
  rows: number;
  /** Items that broke the event contract (see `validateEvent`), skipped. */
  invalid: number;
  /** Events whose `id` had been seen already (a retried delivery), counted once. */
  duplicates: number;
  /** Rows that could not be written for lack of a prompt, skipped. */
  withoutPrompt: number;
  /** Answers whose text was not in the events (`content`, or `previousContent` for a regenerate), skipped. */
  withoutText: number;
  /** Ratings whose latest vote was withdrawn (`value: null`): they count as no vote. */
  withdrawn: number;
  /** Edits that left the draft unchanged (`accepted: true`): they make no pair. */
  unchanged: number;
  /**
   * Pairs of answers whose deciding choice was a `tie` ("about the same"): they make no pair and no KTO rows.
   */
  ties: number;
  /**
   * Events about an answer that had been settled already because the memory bound (`maxOpen`) was reached:
   * skipped, so that an answer is never written twice. Zero unless the bound was reached.
   */
  late: number;
}

/** Options every dataset function takes. */
export interface DatasetOptions {
  /**
   * Run `validateEvent` on each item and skip (and count) invalid ones. Default `true`; pass `false` only for
   * events validated already.
   */
  validate?: boolean;
  /**
   * Count an event whose id was seen already (a retried delivery) once, skipping the repeat. Default `true`; pass
   * `false` only for events known to hold each id once, as the collector's stores do.
   */
  deduplicate?: boolean;
  /**
   * Memory bound: how many prompts (answers grouped by prompt, see `toPreferencePairs`) stay open at once.
   * When one more opens, the least recently touched is settled and written; ids of the last `10 × maxOpen` (to `20 × maxOpen`)
   * events are kept to drop duplicates. Results are exact when each answer's events lie within that many
   * open prompts of each other in the input (a collector appends a user's clicks on one message close
   * together). Default 10,000; `Infinity` keeps everything (exact on any input, memory grows with it).
   */
  maxOpen?: number;
}

/**
 * The output formats of preference pairs. `"openai"` is another name of `"preferred-output"`, kept for code
 * written before the format was named for what it is.
 */
export type PreferenceFormat = "trl" | "trl-conversational" | "preferred-output" | "openai";

/** Options of `toPreferencePairs`. */
export interface PreferencePairOptions extends DatasetOptions {
  /**
   * - `"trl"`: TRL standard `{prompt, chosen, rejected}`, all strings.
   * - `"trl-conversational"`: TRL conversational; `prompt` is the message list, `chosen` and `rejected` are
   *   lists of one assistant message.
   * - `"preferred-output"`: `{input: {messages}, preferred_output, non_preferred_output}`, the preference
   *   fine-tuning shape of Azure OpenAI, Together and Fireworks (and of OpenAI's own, now a legacy API).
   *   `"openai"` is the same format under its old name.
   */
  format: PreferenceFormat;
  /**
   * Write every pair in TRL's implicit-prompt form (`{chosen, rejected}`, each holding the prompt followed by
   * the answer), so that pairs without a prompt are written too instead of skipped. TRL formats only.
   */
  implicitPrompt?: boolean;
}

/** A TRL standard preference pair. */
export interface TrlPair {
  prompt: string;
  chosen: string;
  rejected: string;
}

/** A TRL standard preference pair in implicit-prompt form: the prompt is the common start of both texts. */
export interface TrlImplicitPair {
  chosen: string;
  rejected: string;
}

/** A TRL conversational preference pair. */
export interface TrlConversationalPair {
  prompt: PromptMessage[];
  chosen: PromptMessage[];
  rejected: PromptMessage[];
}

/** A TRL conversational pair in implicit-prompt form: both lists start with the prompt's messages. */
export interface TrlConversationalImplicitPair {
  chosen: PromptMessage[];
  rejected: PromptMessage[];
}

/**
 * One line of a preference fine-tuning file in the `preferred_output` shape (Azure OpenAI, Together, Fireworks,
 * OpenAI): one prompt, one preferred and one non-preferred assistant message.
 */
export interface PreferredOutputPair {
  input: { messages: PromptMessage[] };
  preferred_output: PromptMessage[];
  non_preferred_output: PromptMessage[];
}

/** @deprecated The same as `PreferredOutputPair`, under its old name. */
export type OpenAiPreferencePair = PreferredOutputPair;

/** Any preference pair row. */
export type PreferencePair =
  | TrlPair
  | TrlImplicitPair
  | TrlConversationalPair
  | TrlConversationalImplicitPair
  | PreferredOutputPair;

/** Options of `toKto`. */
export interface KtoOptions extends DatasetOptions {
  /** `"trl"` (default): strings; `"trl-conversational"`: message lists. */
  format?: "trl" | "trl-conversational";
}

/**
 * A TRL unpaired-preference (KTO) row: `label` is true for an up vote or an answer chosen over another, false for
 * a down vote or the answer not chosen.
 */
export interface KtoRow {
  prompt: string | PromptMessage[];
  completion: string | PromptMessage[];
  label: boolean;
}

/** Why a regression case is in the set. */
export type RegressionSignal = "down" | "regenerate";

/** One bad answer to test the next model or prompt against. Absent values are `null`, so every row has every column. */
export interface RegressionCase {
  prompt: PromptMessage[];
  badOutput: string;
  /** Error-mode keys from the user's rating, e.g. `["hallucination"]`; empty when none were given. */
  reasons: string[];
  comment: string | null;
  traceId: string | null;
  spanId: string | null;
  messageId: string;
  /** A down vote, or a regenerate that replaced the answer. */
  signal: RegressionSignal;
}

/** Options of `bucketByErrorMode`. */
export interface BucketOptions extends DatasetOptions {
  /** Example traces kept per bucket (the first ones met). Default 5. */
  examples?: number;
}

/** A trace to look at for an error mode. */
export interface BucketExample {
  messageId: string;
  traceId: string | null;
  spanId: string | null;
  comment: string | null;
}

/** The down-voted answers that named one reason key. */
export interface ErrorModeBucket {
  reason: string;
  count: number;
  /** `count` / `ErrorModeBuckets.negative`. */
  share: number;
  examples: BucketExample[];
}

/** Down-voted answers counted per reason key (an answer with two reasons counts in both buckets). */
export interface ErrorModeBuckets {
  /** Answers whose latest vote is down. */
  negative: number;
  /** Of those, the ones with no reason given. */
  unlabeled: number;
  /** Largest first; ties by reason key. */
  buckets: ErrorModeBucket[];
  report: DatasetReport;
}

/** Rows from a synchronous input (an array): iterate it, then read `report`. */
export interface Dataset<Row> extends Iterable<Row> {
  /** Counts of the current (or last) iteration. */
  readonly report: DatasetReport;
}

/** Rows from an async input (a stream): iterate it with `for await`, then read `report`. */
export interface AsyncDataset<Row> extends AsyncIterable<Row> {
  /** Counts of the current (or last) iteration. */
  readonly report: DatasetReport;
}

/** Events as an array, any iterable, or an async iterable (a stream of parsed lines). */
export type EventSource = Iterable<FeedbackEvent> | AsyncIterable<FeedbackEvent>;

/**
 * The single-pass state machine behind each dataset function: `add` takes one item and pushes any rows it
 * completes onto `out`; `end` pushes the rest.
 */
export interface DatasetBuilder<Row> {
  readonly report: DatasetReport;
  /**
   * The event types the builder uses; `add` counts an event of any other type and ignores it. A reader of events
   * with distinct ids (see `DatasetOptions.deduplicate`) may therefore leave those out unparsed and only add
   * them to `report.events`.
   */
  readonly reads: ReadonlySet<FeedbackEventType>;
  add(item: unknown, out: Row[]): void;
  end(out: Row[]): void;
}
