// analyzeParameters checked against SQLite itself. We bind the value i to parameter i through
// our binder and select every parameter token: better-sqlite3 refuses the binding unless our
// named/anonymous split and names match SQLite's exactly, and each output column then shows
// the index SQLite gave that token, which must follow SQLite's numbering rules and our table.
// (Different prefixes of one name are covered in sqlite-arguments.test.ts.)
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqlConnection } from "../executor.js";
import { analyzeParameters } from "../sql-text/sql-parameters.js";
import { sqliteFixture, stmt } from "../test-support/sqlite-fixture.js";

let fixture: Awaited<ReturnType<typeof sqliteFixture>>;
let conn: SqlConnection;

beforeEach(async () => {
  fixture = await sqliteFixture();
  conn = await fixture.database.acquire();
});
afterEach(() => fixture.dispose());

async function checkAgainstSqlite(tokens: readonly string[]): Promise<void> {
  const sql = `SELECT ${tokens.join(", ")}`;
  const names = analyzeParameters(sql);
  const args = names.map((_, i) => BigInt(i + 1));
  const [row] = (await conn.execute(stmt(sql, args))).rows;
  const indexes = (row ?? []).map(Number);
  let highest = 0;
  tokens.forEach((token, i) => {
    const index = indexes[i];
    const where = `${sql}: token ${i} (${token})`;
    if (token === "?") {
      expect(index, where).toBe(highest + 1);
    } else if (token.startsWith("?")) {
      expect(index, where).toBe(Number(token.slice(1)));
    } else {
      expect(index, where).toBe(names.indexOf(token) + 1);
      if (!tokens.slice(0, i).includes(token)) expect(index, where).toBe(highest + 1);
    }
    highest = Math.max(highest, index ?? 0);
  });
  expect(names.length, sql).toBe(highest);
}

/** A deterministic pseudo-random list of parameter tokens (mulberry32). */
function randomTokens(seed: number): string[] {
  let state = seed;
  const next = (below: number): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
  const token = (): string => {
    const form = next(3);
    if (form === 0) return "?";
    if (form === 1) return `?${1 + next(9)}`;
    // Each prefix gets its own names: better-sqlite3 binds `:a` and `@a` by one key "a".
    const prefix = next(4);
    return `${[":", "@", "$", "#"][prefix]}${["a", "b", "c", "d"][prefix]}${next(3)}`;
  };
  return Array.from({ length: 1 + next(8) }, token);
}

describe("parameter numbering agrees with SQLite", () => {
  it.each([
    ["?", "?5", "?", ":a", ":a", "@b"],
    [":a", "?1"],
    ["?", "?1"],
    ["?2", "?", "?1"],
    [":a", "@b", "$c", "#d", ":a", "?3"],
    ["?", "?9", "@b", "@c", "?5", "?"],
  ])("%j", (...tokens) => checkAgainstSqlite(tokens));

  it("for 300 random mixes of parameter forms", async () => {
    for (let seed = 1; seed <= 300; seed++) await checkAgainstSqlite(randomTokens(seed));
  });
});
