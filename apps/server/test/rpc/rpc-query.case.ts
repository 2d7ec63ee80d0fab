// SurrealQL through `query` where several clients meet: a UNIQUE index holds when writers race
// (each on its own connection and transaction), and a query on an interactive transaction runs as
// one unit on it.
import { describe, expect, test } from "vitest";
import { uniqueTable, type RpcFixture } from "./rpc-fixture.js";

interface Entry {
  readonly status: string;
  readonly result: unknown;
  readonly kind?: string;
}

export function queryCases(baton: RpcFixture): void {
  describe("query", () => {
    test("a UNIQUE index lets exactly one of several racing writers have a value", async () => {
      const t = uniqueTable("uniq");
      const setup = await baton.client();
      await setup.call("query", [`DEFINE INDEX email ON ${t} FIELDS email UNIQUE; CREATE ${t}:seed SET email = 'seed@x'`]);
      const clients = await Promise.all(Array.from({ length: 6 }, () => baton.client()));
      const answers = (await Promise.all(
        clients.map((db, i) => db.call("query", [`CREATE ${t}:w${i} SET email = 'same@x'`])),
      )) as Entry[][];
      const entries = answers.map(([entry]) => entry);
      expect(entries.filter((entry) => entry?.status === "OK")).toHaveLength(1);
      for (const entry of entries.filter((item) => item?.status === "ERR")) {
        expect(entry).toMatchObject({ kind: "AlreadyExists" });
        expect(String(entry?.result)).toContain("Database index `email` already contains 'same@x'");
      }
      const [count] = (await setup.call("query", [`SELECT VALUE id FROM ${t} WHERE email = 'same@x'`])) as Entry[];
      expect(count?.result).toHaveLength(1);
    });

    if (baton.transport === "ws") {
      test("statements of one query on a transaction run as one unit; BEGIN is refused there", async () => {
        const db = await baton.client();
        const t = uniqueTable("txq");
        const txn = await db.call("begin");
        const [statements, commit] = await Promise.all([
          db.call("query", [`CREATE ${t}:1; CREATE ${t}:2; CREATE ${t}:3`], { txn }),
          db.call("commit", [txn]),
        ]);
        expect((statements as Entry[]).map((entry) => entry.status)).toEqual(["OK", "OK", "OK"]);
        expect(commit).toBe(baton.none);
        const [rows] = (await db.call("query", [`SELECT VALUE id FROM ${t}`])) as Entry[];
        expect(rows?.result).toHaveLength(3);
        const again = await db.call("begin");
        const [refused] = (await db.call("query", [`BEGIN; CREATE ${t}:4; COMMIT`], { txn: again })) as Entry[];
        expect(refused).toMatchObject({ status: "ERR" });
        await db.call("cancel", [again]);
      });
    }
  });
}
