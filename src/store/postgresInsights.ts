import { DWELL, EDIT_SIZE, SIMILARITY } from "../insights/histogram";
import { isSplitField, NO_VALUE } from "../insights/splitValue";
import { noPreferences, type SummaryCounts, summaryFrom, type Votes } from "../insights/summarize";
import type { InsightsSummary, ReviewItem, ReviewLink, SummarizeOptions } from "../insights/types";

/** Runs one SQL statement with positional parameters and resolves to its rows as arrays. */
export type SqlQuery = (text: string, values: readonly unknown[]) => Promise<unknown[][]>;

const MAX_SPLIT_FIELDS = 50;
const EXAMPLES_PER_MODE = 3;

const int = (value: unknown) => Number(value ?? 0);
const text = (value: unknown) => (value === null || value === undefined ? undefined : String(value));

function link(messageId: unknown, ts: unknown, traceId: unknown, comment?: unknown): ReviewLink {
  const item: ReviewLink = { messageId: String(messageId), ts: String(ts) };
  if (text(traceId) !== undefined) item.traceId = String(traceId);
  if (text(comment) !== undefined) item.comment = String(comment);
  return item;
}

// Counts per bin from width_bucket's 1-based buckets (0 = below the first edge, which the pass counts in bin 0).
function binCounts(edges: readonly number[], rows: unknown[][]): number[] {
  const counts = edges.map(() => 0);
  for (const [bucket, n] of rows) {
    const index = Math.max(0, int(bucket) - 1);
    counts[index] = (counts[index] ?? 0) + int(n);
  }
  return counts;
}

/**
 * The dashboard's figures computed by PostgreSQL over a store's table, without reading its rows out: the same
 * `InsightsSummary` that `summarize` gives for the same events (a test holds the two to one fixture). Reads the
 * columns `postgresStore` writes (`seq`, `ts`, `type`, `message_id`, `event`).
 *
 * @example
 * const summary = await postgresInsights((text, values) => pool.query({ text, values, rowMode: "array" }).then((r) => r.rows), "feedback_events", { splitBy: "metadata.model" });
 */
export async function postgresInsights(
  query: SqlQuery,
  table: string,
  options: SummarizeOptions = {},
): Promise<InsightsSummary> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) throw new Error(`"${table}" is not a plain table name.`);
  if (options.splitBy !== undefined && !isSplitField(options.splitBy)) {
    throw new Error(`Cannot split by "${options.splitBy}": use "app", "environment" or "metadata.<key>".`);
  }
  const limit = options.reviewLimit ?? 10;
  // The events of the range, with the UTC day of each: what every statement below reads.
  const events = `WITH e AS (
      SELECT seq, type, message_id, event, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM ${table}
    ), r AS (SELECT * FROM e WHERE ($1::text IS NULL OR day >= $1) AND ($2::text IS NULL OR day <= $2))`;
  const range = [options.from ?? null, options.to ?? null];
  const run = (sql: string, extra: unknown[] = []) => query(`${events} ${sql}`, [...range, ...extra]);
  const vote = (field: string, value: string) => `(event->>'${field}' IS NOT DISTINCT FROM '${value}')`;
  const changed = "event->'value' IS DISTINCT FROM event->'previous'";
  const down = `type = 'rating' AND event->>'value' = 'down'`;

  const [totals] = await run(`SELECT
      count(*), count(DISTINCT message_id), count(DISTINCT message_id) FILTER (WHERE type = 'copy'),
      count(*) FILTER (WHERE type = 'rating' AND ${changed} AND event->'value' = 'null'::jsonb),
      count(*) FILTER (WHERE type = 'rating' AND ${vote("value", "up")}) - count(*) FILTER (WHERE type = 'rating' AND ${vote("previous", "up")}),
      count(*) FILTER (WHERE type = 'rating' AND ${vote("value", "down")}) - count(*) FILTER (WHERE type = 'rating' AND ${vote("previous", "down")}),
      count(*) FILTER (WHERE ${down} AND jsonb_typeof(event->'reasons') = 'array' AND jsonb_array_length(event->'reasons') > 0),
      count(*) FILTER (WHERE type = 'edit'), count(*) FILTER (WHERE type = 'edit' AND (event->>'accepted')::boolean),
      count(*) FILTER (WHERE type = 'abandon'),
      count(*) FILTER (WHERE type = 'copy' AND event->>'source' = 'button'),
      count(*) FILTER (WHERE type = 'copy' AND event->>'source' = 'selection'),
      count(*) FILTER (WHERE type = 'copy' AND event->>'source' = 'code')
    FROM r`);
  const t = (totals ?? []).map(int);

  const days = await run(`SELECT day,
      count(*) FILTER (WHERE type = 'rating' AND ${changed} AND event->>'value' = 'up'),
      count(*) FILTER (WHERE type = 'rating' AND ${changed} AND event->>'value' = 'down'),
      count(*) FILTER (WHERE type = 'copy'), count(*) FILTER (WHERE type = 'regenerate'),
      count(*) FILTER (WHERE type = 'edit'), count(*) FILTER (WHERE type = 'abandon')
    FROM r GROUP BY day`);

  let bySplit: [string, Votes][] = [];
  if (options.splitBy) {
    const [field, key] = options.splitBy.split(".", 2) as [string, string | undefined];
    const value = key === undefined ? `(event->'${field}')` : `(event->'metadata'->$3::text)`;
    // The pass writes a missing, null or empty value as "(none)" and a non-string one as its JSON.
    const group = `CASE WHEN ${value} IS NULL OR jsonb_typeof(${value}) = 'null' OR ${value} = '""'::jsonb THEN '${NO_VALUE}'
      WHEN jsonb_typeof(${value}) = 'string' THEN ${value} #>> '{}' ELSE ${value}::text END`;
    const rows = await run(
      `SELECT grp, sum(up), sum(down) FROM (
        SELECT seq, ${group} AS grp,
          (CASE WHEN ${vote("value", "up")} THEN 1 ELSE 0 END) - (CASE WHEN ${vote("previous", "up")} THEN 1 ELSE 0 END) AS up,
          (CASE WHEN ${vote("value", "down")} THEN 1 ELSE 0 END) - (CASE WHEN ${vote("previous", "down")} THEN 1 ELSE 0 END) AS down
        FROM r WHERE type = 'rating' AND ${changed}) s
      GROUP BY grp ORDER BY min(seq)`,
      key === undefined ? [] : [key],
    );
    bySplit = rows.map(([grp, up, downVotes]) => [String(grp), { up: int(up), down: int(downVotes) }]);
  }

  const reasonRows = await run(
    `SELECT reason, count(*) FROM r, jsonb_array_elements_text(event->'reasons') reason
     WHERE ${down} AND jsonb_typeof(event->'reasons') = 'array' GROUP BY reason`,
  );
  const exampleRows = await run(
    `SELECT reason, message_id, event->>'ts', event->>'traceId', event->>'comment' FROM (
       SELECT reason, message_id, event,
         row_number() OVER (PARTITION BY reason ORDER BY event->>'ts' DESC, seq) AS n
       FROM r, jsonb_array_elements_text(event->'reasons') reason
       WHERE ${down} AND jsonb_typeof(event->'reasons') = 'array' AND coalesce(event->>'comment', '') <> '') x
     WHERE n <= $3 ORDER BY reason, n`,
    [EXAMPLES_PER_MODE],
  );
  const examples = new Map<string, ReviewLink[]>();
  for (const [reason, messageId, ts, traceId, comment] of exampleRows) {
    const list = examples.get(String(reason)) ?? [];
    list.push(link(messageId, ts, traceId, comment));
    examples.set(String(reason), list);
  }

  const buckets = (expression: string, where: string, edges: readonly number[]) =>
    run(`SELECT width_bucket(${expression}, $3::float8[]), count(*) FROM r WHERE ${where} GROUP BY 1`, [edges]);
  const similarity = await buckets("(event->'stats'->>'similarity')::float8", "type = 'edit'", SIMILARITY.edges);
  const editSize = await buckets(
    "(event->'stats'->>'wordsAdded')::float8 + (event->'stats'->>'wordsRemoved')::float8",
    "type = 'edit'",
    EDIT_SIZE.edges,
  );
  const dwell = await buckets("(event->>'dwellMs')::float8", "type = 'abandon'", DWELL.edges);
  const attemptRows = await run(
    `SELECT (event->>'attempt')::int, count(*) FROM r WHERE type = 'regenerate' GROUP BY 1`,
  );
  const attempts: number[] = [];
  for (const [attempt, n] of attemptRows) attempts[int(attempt)] = int(n);
  const preferenceRows = await run(
    `SELECT event->>'source', event->>'strength', count(*) FROM r WHERE type = 'preference' GROUP BY 1, 2`,
  );
  const preferences = noPreferences();
  for (const [source, strength, n] of preferenceRows) {
    // The store holds validated events only; anything else would not be a preference the pass counts either.
    const bySource = preferences[source as keyof typeof preferences];
    if (bySource && strength && Object.hasOwn(bySource, String(strength))) {
      bySource[strength as keyof typeof bySource] = int(n);
    }
  }
  const fields = await run(`SELECT 'metadata.' || key FROM (
      SELECT DISTINCT jsonb_object_keys(event->'metadata') AS key FROM r WHERE jsonb_typeof(event->'metadata') = 'object'
    ) k
    UNION ALL SELECT 'app' WHERE EXISTS (SELECT 1 FROM r WHERE event ? 'app')
    UNION ALL SELECT 'environment' WHERE EXISTS (SELECT 1 FROM r WHERE event ? 'environment')`);

  // The answers worth a look, in the order and number the pass keeps them.
  const commented = await run(
    `SELECT message_id, event->>'ts', event->>'traceId', event->>'comment', event->'reasons' FROM r
     WHERE ${down} AND coalesce(event->>'comment', '') <> '' ORDER BY event->>'ts' DESC, seq LIMIT $3`,
    [limit],
  );
  const edited = await run(
    `SELECT message_id, event->>'ts', event->>'traceId', (event->'stats'->>'similarity')::float8, event->>'id',
       event->>'draft', event->>'final' FROM r
     WHERE type = 'edit' AND NOT (event->>'accepted')::boolean AND (event->'stats'->>'similarity')::float8 < 0.5
     ORDER BY 4, event->>'ts' DESC, seq LIMIT $3`,
    [limit],
  );
  const regenerated = await run(
    `SELECT message_id, (array_agg(event->>'ts' ORDER BY seq))[1], (array_agg(event->>'traceId' ORDER BY seq))[1],
       max((event->>'attempt')::int)
     FROM r WHERE type = 'regenerate' AND (event->>'attempt')::int >= 3
     GROUP BY message_id ORDER BY 2 DESC, min(seq) LIMIT $3`,
    [limit],
  );
  const review: ReviewItem[] = [
    ...commented.map(([messageId, ts, traceId, comment, reasons]) => {
      const item: ReviewItem = { ...link(messageId, ts, traceId, comment), why: "down-with-comment" };
      if (Array.isArray(reasons) && reasons.length > 0) item.reasons = reasons.map(String);
      return item;
    }),
    ...edited.map(([messageId, ts, traceId, similarityValue, id, draft, final]) => ({
      ...link(messageId, ts, traceId),
      why: "heavily-edited" as const,
      similarity: Number(similarityValue),
      editEventId: String(id),
      draft: String(draft),
      final: String(final),
    })),
    ...regenerated.map(([messageId, ts, traceId, most]) => ({
      ...link(messageId, ts, traceId),
      why: "regenerated" as const,
      attempts: int(most),
    })),
  ];

  const counts: SummaryCounts = {
    events: t[0] ?? 0,
    invalid: 0,
    answers: t[1] ?? 0,
    copiedAnswers: t[2] ?? 0,
    withdrawn: t[3] ?? 0,
    overall: { up: t[4] ?? 0, down: t[5] ?? 0 },
    downWithReasons: t[6] ?? 0,
    edits: t[7] ?? 0,
    acceptedUnchanged: t[8] ?? 0,
    abandons: t[9] ?? 0,
    copies: { button: t[10] ?? 0, selection: t[11] ?? 0, code: t[12] ?? 0 },
    splitFields: fields.map(([field]) => String(field)).slice(0, MAX_SPLIT_FIELDS + 2),
    days: days.map(([day, up, downVotes, copy, regenerate, edit, abandon]) => ({
      day: String(day),
      up: int(up),
      down: int(downVotes),
      copy: int(copy),
      regenerate: int(regenerate),
      edit: int(edit),
      abandon: int(abandon),
    })),
    bySplit,
    reasons: reasonRows.map(([reason, n]) => [String(reason), int(n), examples.get(String(reason)) ?? []]),
    similarity: binCounts(SIMILARITY.edges, similarity),
    editSize: binCounts(EDIT_SIZE.edges, editSize),
    dwell: binCounts(DWELL.edges, dwell),
    attempts,
    preferences,
    review,
  };
  return summaryFrom(counts, options);
}
