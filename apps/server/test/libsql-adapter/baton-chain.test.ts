// The stock @libsql/client against a Baton whose database is a libSQL adapter pointing at a
// second Baton: the adapter under the real Hrana handler, streams and batons included.
import { AdapterRegistry, createLibsqlAdapter } from "@baton/adapters-kysely";
import { BatonServer } from "@baton/server-node";
import { createClient, type Client } from "@libsql/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startRemoteBaton, type RemoteBaton } from "./remote-baton.js";

let remote: RemoteBaton;
beforeAll(async () => {
  remote = await startRemoteBaton();
});
afterAll(() => remote.close());

describe.each(["http", "ws"] as const)("a Baton in front of a remote reached over %s", (remoteTransport) => {
  let front: BatonServer;
  let urls: { httpUrl: string; wsUrl: string };
  const clients: Client[] = [];

  beforeAll(async () => {
    const url = remoteTransport === "http" ? remote.httpUrl : remote.wsUrl;
    front = new BatonServer({ databases: new AdapterRegistry({ adapters: [createLibsqlAdapter({ url })] }) });
    urls = await front.listen({ host: "127.0.0.1", port: 0 });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => front.close());

  describe.each(["http", "ws"] as const)("with clients over %s", (clientTransport) => {
    const client = (): Client => {
      const created = createClient({ url: clientTransport === "http" ? urls.httpUrl : urls.wsUrl, intMode: "bigint" });
      clients.push(created);
      return created;
    };
    const table = `chain_${remoteTransport}_${clientTransport}`;

    it("executes, batches and keeps interactive transactions", async () => {
      const db = client();
      await db.execute(`CREATE TABLE ${table}(id INTEGER PRIMARY KEY, v)`);
      await db.batch([`INSERT INTO ${table}(v) VALUES (1.5)`, { sql: `INSERT INTO ${table}(v) VALUES (?)`, args: [9007199254740993n] }], "write");
      const tx = await db.transaction("write");
      await tx.execute(`INSERT INTO ${table}(v) VALUES ('in tx')`);
      expect((await client().execute(`SELECT count(*) FROM ${table}`)).rows[0]?.[0]).toBe(2n);
      await tx.rollback();
      const rs = await db.execute(`SELECT v, typeof(v) FROM ${table} ORDER BY id`);
      expect(rs.rows.map((row) => [row[0], row[1]])).toEqual([
        [1.5, "real"],
        [9007199254740993n, "integer"],
      ]);
      await expect(db.execute(`INSERT INTO ${table}(id) VALUES (1)`)).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT" });
    });
  });
});
