// Tenants: each namespace (`/ns/<name>/` in the URL) is a database of its own (a SQLite or libSQL
// file, a Postgres schema, a MySQL database), and no tenant sees another's tables. Names that are
// not plain identifiers, or that name the database's own schemas, are refused before they reach it.
import { LibsqlError, createClient } from "@libsql/client";
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { describe, expect, test } from "vitest";
import { countRows, expectLibsqlError, rowsOf, testIf, uniqueTable, type BatonFixture } from "./baton-fixture.js";

/**
 * Path segments that must never become a namespace, percent-encoded as they appear in a URL. Not
 * `..%2F..%2Fetc`: @libsql/client decodes the `%2F` and the URL then resolves to `/etc`, so a
 * path traversal reaches the server only in a raw request (below).
 */
const HOSTILE_SEGMENTS = [
  "a%3BDROP%20TABLE%20x", // SQL after a semicolon
  "x%22y", // a double quote, Postgres's identifier quote
  "x%60y", // a backquote, MySQL's identifier quote
  "x'y",
  "%C3%BCn%C3%AF", // non-ASCII
  "-leading-dash",
  "x".repeat(64), // longer than 63 characters
];
const TRAVERSAL = "..%2F..%2Fetc";

/** The status and JSON body with which the server answers a WebSocket upgrade it refuses (101: accepted). */
function upgradeAnswer(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url.replace(/^ws:/, "http:"), {
      headers: {
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": randomBytes(16).toString("base64"),
        "sec-websocket-protocol": "hrana2",
      },
    });
    req.on("upgrade", (_res, socket) => {
      socket.destroy();
      resolve({ status: 101, body: undefined });
    });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** What the server answers a pipeline request on `url` (an HTTP namespace URL) with. */
async function pipelineAnswer(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(new URL("v2/pipeline", url), { method: "POST", body: '{"requests":[]}' });
  return { status: res.status, body: await res.json() };
}

/** The code a client of `url` gets for `SELECT 1`, or what went wrong instead. */
async function clientOutcome(url: string): Promise<string> {
  const client = createClient({ url });
  try {
    return await client.execute("SELECT 1").then(
      () => "not refused",
      (error: unknown) => (error instanceof LibsqlError ? error.code : `not a LibsqlError: ${String(error)}`),
    );
  } finally {
    client.close();
  }
}

export function tenantCases(baton: BatonFixture): void {
  const { caps } = baton;

  describe("tenants", () => {
    test("two tenants never see each other's tables, even under the same name", async () => {
      const a = baton.client({}, { namespace: baton.newNamespace("ta") });
      const b = baton.client({}, { namespace: baton.newNamespace("tb") });
      const table = uniqueTable("secrets");
      await a.execute(`CREATE TABLE ${table} (v ${caps.types.text})`);
      await a.execute(`INSERT INTO ${table} VALUES ('a only')`);
      const tx = await a.transaction("write");
      await tx.execute(`INSERT INTO ${table} VALUES ('in a transaction')`);
      await tx.commit();
      expect(await countRows(a, table)).toBe(2);

      await expectLibsqlError(b.execute(`SELECT * FROM ${table}`), { code: "SQLITE_ERROR" });
      await expectLibsqlError(baton.client().execute(`SELECT * FROM ${table}`), { code: "SQLITE_ERROR" });
      await b.execute(`CREATE TABLE ${table} (v ${caps.types.text})`);
      await b.batch([`INSERT INTO ${table} VALUES ('b only')`], "write");
      expect(rowsOf(await a.execute(`SELECT v FROM ${table} ORDER BY v`))).toEqual([["a only"], ["in a transaction"]]);
      expect(rowsOf(await b.execute(`SELECT v FROM ${table}`))).toEqual([["b only"]]);
      // Dropping one tenant's table leaves the other's.
      await b.execute(`DROP TABLE ${table}`);
      expect(await countRows(a, table)).toBe(2);
    });

    test("hostile namespace names are refused with NAMESPACE_INVALID before they reach the database", async () => {
      const refusal = { status: 400, body: expect.objectContaining({ code: "NAMESPACE_INVALID" }) as unknown };
      const names = [...HOSTILE_SEGMENTS, TRAVERSAL];
      const answers = await Promise.all(
        names.map((namespace) => {
          const url = baton.urlFor({ namespace });
          return baton.transport === "http" ? pipelineAnswer(url) : upgradeAnswer(url);
        }),
      );
      expect(Object.fromEntries(names.map((name, i) => [name, answers[i]]))).toEqual(Object.fromEntries(names.map((name) => [name, refusal])));
      // Through the client: over HTTP it reads the code; a WebSocket client cannot read the body
      // of a refused handshake and reports a failed connection.
      const expected = baton.transport === "http" ? "NAMESPACE_INVALID" : "HRANA_WEBSOCKET_ERROR";
      const outcomes = await Promise.all(HOSTILE_SEGMENTS.map((namespace) => clientOutcome(baton.urlFor({ namespace }))));
      expect(Object.fromEntries(HOSTILE_SEGMENTS.map((name, i) => [name, outcomes[i]]))).toEqual(
        Object.fromEntries(HOSTILE_SEGMENTS.map((name) => [name, expected])),
      );
    });

    testIf(caps.reservedNamespaces.length > 0, `${baton.backend.label} reserves no names: each tenant is a file of its own`)(
      "namespaces naming the database's own schemas or databases are refused with NAMESPACE_INVALID",
      async () => {
        const names = caps.reservedNamespaces;
        const outcomes = await Promise.all(names.map((namespace) => clientOutcome(baton.urlFor({ namespace }))));
        expect(Object.fromEntries(names.map((name, i) => [name, outcomes[i]]))).toEqual(
          Object.fromEntries(names.map((name) => [name, "NAMESPACE_INVALID"])),
        );
      },
    );
  });
}
