// The PostgreSQL the tests use: the throwaway cluster .ci/with-postgres starts and names in FEEDBACK_POSTGRES_URL.
// In CI (CI set) a missing database fails the tests that need it; on a developer's machine they are skipped with
// a line saying how to include them.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { type PostgresStore, postgresStore } from "../../../src/store/postgresStore";

export const POSTGRES_URL = process.env.FEEDBACK_POSTGRES_URL;

const HOW =
  "run them through .ci/with-postgres (e.g. `.ci/with-postgres npx vitest run --project node test/node/postgres`)";

/** `describe` for tests that need PostgreSQL. */
export function describeWithPostgres(name: string, body: (url: string) => void): void {
  if (POSTGRES_URL) {
    describe(name, () => body(POSTGRES_URL));
  } else if (process.env.CI) {
    describe(name, () => {
      it("has a PostgreSQL to test against", () => {
        throw new Error(`FEEDBACK_POSTGRES_URL is not set, so these tests cannot run: ${HOW}.`);
      });
    });
  } else {
    describe.skip(`${name} (skipped: no PostgreSQL; ${HOW})`, () => body(""));
  }
}

/** A table name no other test uses, so test files can share one database and run at once. */
export const freshTable = () => `t_${randomUUID().replaceAll("-", "").slice(0, 16)}`;

/** Runs one query with a connection of its own (for checks the store itself does not offer). */
export async function sql<T = Record<string, unknown>>(url: string, text: string, values?: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A loopback port nothing listens on: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const { createServer } = await import("node:net");
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Opens stores on `url` for the tests of one `describe`, each closed after its test. */
export function storeOpener(url: string): (table: string) => PostgresStore {
  const stores: PostgresStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });
  return (table) => {
    const store = postgresStore({ connectionString: url, table });
    stores.push(store);
    return store;
  };
}
