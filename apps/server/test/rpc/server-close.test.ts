// Stopping the server ends RPC sockets as it ends Hrana ones: closed with 1001, their open
// transactions rolled back, so a server started again on the same data finds none of their writes.
import { RecordId, RpcClient } from "@baton/client-sdk";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { parseStartArgs, startBaton, type RunningBaton } from "../../src/index.js";

const dataDir = mkdtempSync(join(tmpdir(), "baton-rpc-close-"));
const quiet = { info: () => undefined, warn: () => undefined, error: (m: string, e?: unknown) => console.error(m, e) };
const start = (): Promise<RunningBaton> => startBaton(parseStartArgs(["--bind", "127.0.0.1:0", "--data", dataDir], {}), quiet);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test("server close: RPC sockets get 1001 and their transactions roll back", async () => {
  const first = await start();
  const db = await RpcClient.connect(first.wsUrl, { format: "cbor", headers: { "Surreal-NS": "closing", "Surreal-DB": "closing" } });
  await db.call("create", [new RecordId("kept", "a"), { n: 1 }]);
  const txn = await db.call("begin");
  await db.call("create", [new RecordId("kept", "b"), { n: 2 }], { txn });
  await first.server.close();
  expect((await db.closed)?.code).toBe(1001);

  const second = await start();
  try {
    const again = await RpcClient.connect(second.httpUrl, { format: "cbor", headers: { "Surreal-NS": "closing", "Surreal-DB": "closing" } });
    const ids = (await again.call<{ id: RecordId }[]>("select", ["kept"])).map((r) => r.id.id);
    expect(ids).toEqual(["a"]);
    await again.close();
  } finally {
    await second.server.close();
  }
});
