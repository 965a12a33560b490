import type { Received, Reply } from "../support/vendorServer";

/** One row of Langfuse's `scores` table, as far as de-duplication sees it. */
export interface ScoreRow {
  id: string;
  name: string;
  dataType: string;
  value: unknown;
  day: string;
}

interface ScoreBody {
  id: string;
  name: string;
  dataType: string;
  value: unknown;
}

/**
 * What Langfuse keeps of the score requests it is sent, read from its server code at the commit in
 * shared/contracts/SOURCES.txt:
 * - `packages/shared/clickhouse/migrations/*\/0003_scores.up.sql`: the scores table is a ReplacingMergeTree
 *   ordered by `(project_id, toDate(timestamp), name, id)`, so a row replaces another only when the day, the
 *   name and the id all match; a score re-sent under another name is a second row.
 * - `web/src/features/public-api/server/scores-api-service.ts`: `POST /api/public/scores` stamps the score with
 *   the time it is received; `POST /api/public/ingestion` uses each item's own `timestamp`.
 * - `packages/shared/src/server/repositories/scores.ts` (`deleteScores`): `DELETE /api/public/scores/{id}`
 *   removes every row of that id.
 */
export function langfuseScoreTable(receivedAt: () => string) {
  const rows = new Map<string, ScoreRow>();
  const put = (score: ScoreBody, timestamp: string) => {
    const day = timestamp.slice(0, 10);
    rows.set(`${day}\u0000${score.name}\u0000${score.id}`, {
      id: score.id,
      name: score.name,
      dataType: score.dataType,
      value: score.value,
      day,
    });
  };
  return {
    rows: () => [...rows.values()],
    /** The rows that still count as a thumbs vote: BOOLEAN scores named `user_feedback`. */
    standingVotes: () => [...rows.values()].filter((row) => row.name === "user_feedback" && row.dataType === "BOOLEAN"),
    /** Applies one request as Langfuse would and answers as it does. */
    apply(request: Received): Reply {
      const deleted = /^\/api\/public\/scores\/([^/?]+)$/.exec(request.path);
      if (request.method === "DELETE" && deleted) {
        const id = decodeURIComponent(deleted[1] as string);
        for (const [key, row] of rows) if (row.id === id) rows.delete(key);
        return { status: 202, body: { message: "Score deletion queued" } };
      }
      if (request.path === "/api/public/scores") {
        const score = request.body as ScoreBody;
        put(score, receivedAt());
        return { status: 200, body: { id: score.id } };
      }
      if (request.path === "/api/public/ingestion") {
        const { batch } = request.body as { batch: { id: string; timestamp: string; body: ScoreBody }[] };
        for (const item of batch) put(item.body, item.timestamp);
        return { status: 207, body: { successes: batch.map((item) => ({ id: item.id, status: 201 })), errors: [] } };
      }
      return { status: 404, body: { message: "not found" } };
    },
  };
}
