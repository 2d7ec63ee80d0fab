// The Postgres data of the `-pg` scenarios: a schema of its own (one Baton tenant) holding the
// same `items` table as the SQLite seed, written before the servers start and dropped after.
import pg from "pg";
import type { PostgresSetup } from "./scenario.js";
import { ITEM_ROWS } from "./seed-database.js";

/** The test server (trust auth); BATON_BENCH_POSTGRES_URL names another. */
export const BENCH_POSTGRES_URL = process.env.BATON_BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A schema name of this run's own, so parallel runs on one server do not collide. */
export const benchSchema = (): string => `baton_bench_${process.pid}`;

async function withClient(url: string, work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the schema afresh with `items` filled as in seed-database.ts. */
export function seedPostgres(setup: PostgresSetup): Promise<void> {
  const schema = pg.escapeIdentifier(setup.schema);
  return withClient(setup.url, async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(
      `CREATE TABLE ${schema}.items (id bigint PRIMARY KEY, name text NOT NULL, qty bigint NOT NULL, price double precision NOT NULL)`,
    );
    await client.query(
      `INSERT INTO ${schema}.items SELECT i, 'item-' || lpad(i::text, 6, '0'), i % 100, i * 0.25 + 0.01
       FROM generate_series(1, ${ITEM_ROWS}) AS i`,
    );
    await client.query(`ANALYZE ${schema}.items`);
  });
}

export function dropPostgres(setup: PostgresSetup): Promise<void> {
  return withClient(setup.url, async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(setup.schema)} CASCADE`);
  });
}
