// Hrana over WebSocket at the wire level, with the `ws` client: subprotocol
// negotiation, hello, every request type of Hrana 3, connection-scoped stored SQL, cursors,
// pipelining behind hello, verbatim request ids, and protocol violations closing the socket
// with sqld's close codes while the server keeps serving other sockets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allOk, httpRun, rowsAt, sqlStmt } from "./support/http-pipeline.js";
import { HranaWsClient, JsonSocket, type Wire } from "./support/json-socket.js";
import { startWsTestServer, type WsTestServer } from "./support/ws-test-server.js";

let server: WsTestServer;

beforeAll(async () => {
  server = await startWsTestServer();
});

afterAll(async () => {
  await server.close();
});

const int = (v: number | string) => ({ type: "integer", value: String(v) });
const text = (v: string) => ({ type: "text", value: v });

const execute = (streamId: number, sql: string, args: unknown[] = []) => ({
  type: "execute",
  stream_id: streamId,
  stmt: sqlStmt(sql, args),
});

const step = (sql: string, condition?: unknown) => ({
  ...(condition === undefined ? {} : { condition }),
  stmt: sqlStmt(sql),
});

/** A client with stream `streamId` open. */
async function clientWithStream(streamId = 1): Promise<HranaWsClient> {
  const client = await HranaWsClient.open(server.wsUrl);
  expect(await client.ok({ type: "open_stream", stream_id: streamId })).toEqual({ type: "open_stream" });
  return client;
}

describe("subprotocol negotiation", () => {
  const cases: [string[], string][] = [
    [["hrana2", "hrana3"], "hrana3"],
    [["hrana3", "hrana2"], "hrana3"],
    [["hrana2", "hrana1"], "hrana2"],
    [["hrana1"], "hrana1"],
    [["foo", "hrana2"], "hrana2"],
    [["hrana3-protobuf", "hrana3"], "hrana3"],
  ];
  for (const [offered, chosen] of cases) {
    it(`picks ${chosen} when offered ${offered.join(", ")}`, async () => {
      // `ws` itself fails the handshake if the server picks a subprotocol that was not offered.
      const socket = await JsonSocket.connect(server.wsUrl, { protocols: offered });
      expect(socket.protocol).toBe(chosen);
      socket.close();
    });
  }

  it("refuses the handshake with HTTP 400 when only unknown subprotocols are offered", async () => {
    for (const offered of [["foo"], ["foo", "bar"], ["hrana3-protobuf"]]) {
      const refusal = await JsonSocket.refused(server.wsUrl, { protocols: offered });
      expect(refusal.status, refusal.body).toBe(400);
    }
  });

  it("serves Hrana 2 requests on a hrana2 connection (what @libsql/client offers)", async () => {
    const client = await HranaWsClient.open(server.wsUrl, { protocols: ["hrana2", "hrana1"] });
    expect(client.socket.protocol).toBe("hrana2");
    await client.ok({ type: "open_stream", stream_id: 0 });
    await client.ok({ type: "store_sql", sql_id: 0, sql: "SELECT ?, ?" });
    const response = await client.ok({ type: "execute", stream_id: 0, stmt: { sql_id: 0, args: [int(1), text("x")], named_args: [], want_rows: true } });
    expect(response.result.rows).toEqual([[int(1), text("x")]]);
    await client.ok({ type: "close_stream", stream_id: 0 });
    client.close();
  });
});

describe("hello and requests", () => {
  it("answers hello with hello_ok and echoes request ids verbatim", async () => {
    const socket = await JsonSocket.connect(server.wsUrl, { protocols: ["hrana3"] });
    socket.send({ type: "hello", jwt: null });
    expect(await socket.take()).toEqual({ type: "hello_ok" });
    const client = new HranaWsClient(socket);
    for (const id of [0, 2147483647, -2147483648, 17]) {
      client.send({ type: "open_stream", stream_id: id }, id);
      expect(await client.reply(id)).toEqual({ type: "response_ok", request_id: id, response: { type: "open_stream" } });
    }
    const id = client.send(execute(17, "SELECT 1"), 123456);
    expect(id).toBe(123456);
    expect(await client.reply(123456)).toMatchObject({ type: "response_ok", request_id: 123456 });
    client.close();
  });

  it("executes statements; a failing one is a response_error and the stream stays usable", async () => {
    const client = await clientWithStream(1);
    const created = await client.ok(execute(1, "CREATE TABLE ws_exec (x INTEGER, y TEXT)"));
    expect(created.type).toBe("execute");
    const inserted = await client.ok(execute(1, "INSERT INTO ws_exec VALUES (?, ?)", [int("9223372036854775807"), text("big")]));
    expect(inserted.result.affected_row_count).toBe(1);
    expect(inserted.result.last_insert_rowid).toBe("1");
    const failed = await client.error(execute(1, "INSERT INTO ws_missing VALUES (1)"));
    expect(failed).toMatchObject({ message: expect.any(String), code: expect.any(String) });
    const selected = await client.ok(execute(1, "SELECT x, y FROM ws_exec"));
    expect(selected.result.cols).toEqual([
      { name: "x", decltype: "INTEGER" },
      { name: "y", decltype: "TEXT" },
    ]);
    expect(selected.result.rows).toEqual([[int("9223372036854775807"), text("big")]]);
    expect(await client.ok({ type: "close_stream", stream_id: 1 })).toEqual({ type: "close_stream" });
    // A closed stream no longer takes requests.
    await client.error(execute(1, "SELECT 1"));
    client.close();
  });

  it("runs batches with conditions", async () => {
    const client = await clientWithStream(1);
    await client.ok(execute(1, "CREATE TABLE ws_batch (id INTEGER PRIMARY KEY)"));
    const response = await client.ok({
      type: "batch",
      stream_id: 1,
      batch: {
        steps: [
          step("BEGIN"),
          step("INSERT INTO ws_batch VALUES (1)", { type: "ok", step: 0 }),
          step("INSERT INTO ws_batch VALUES (1)", { type: "ok", step: 1 }),
          step("COMMIT", { type: "ok", step: 2 }),
          step("ROLLBACK", { type: "not", cond: { type: "ok", step: 3 } }),
          step("SELECT 'auto'", { type: "and", conds: [{ type: "is_autocommit" }, { type: "error", step: 2 }] }),
          step("SELECT 'never'", { type: "or", conds: [{ type: "ok", step: 3 }, { type: "not", cond: { type: "is_autocommit" } }] }),
        ],
      },
    });
    expect(response.type).toBe("batch");
    const { step_results: results, step_errors: errors } = response.result;
    expect(results).toHaveLength(7);
    expect(errors).toHaveLength(7);
    expect(errors[2]).toMatchObject({ message: expect.any(String), code: expect.any(String) });
    expect(results[3]).toBeNull();
    expect(errors[3]).toBeNull();
    expect(results[4]).not.toBeNull();
    expect(results[5]?.rows).toEqual([[text("auto")]]);
    expect(results[6]).toBeNull();
    expect((await client.ok(execute(1, "SELECT count(*) FROM ws_batch"))).result.rows).toEqual([[int(0)]]);
    client.close();
  });

  it("runs sequences, stopping at the first failure", async () => {
    const client = await clientWithStream(1);
    expect(
      await client.ok({ type: "sequence", stream_id: 1, sql: "CREATE TABLE ws_seq (x); INSERT INTO ws_seq VALUES (1); INSERT INTO ws_seq VALUES (2)" }),
    ).toEqual({ type: "sequence" });
    await client.error({ type: "sequence", stream_id: 1, sql: "INSERT INTO ws_seq VALUES (3); SELEC oops; INSERT INTO ws_seq VALUES (4)" });
    expect((await client.ok(execute(1, "SELECT x FROM ws_seq ORDER BY x"))).result.rows).toEqual([[int(1)], [int(2)], [int(3)]]);
    client.close();
  });

  it("describes statements", async () => {
    const client = await clientWithStream(1);
    await client.ok(execute(1, "CREATE TABLE ws_desc (id INTEGER, name TEXT)"));
    const described = await client.ok({ type: "describe", stream_id: 1, sql: "SELECT id, name AS n, ?1 + :a AS s FROM ws_desc" });
    expect(described.type).toBe("describe");
    expect(described.result).toMatchObject({
      params: [{ name: "?1" }, { name: ":a" }],
      cols: [
        { name: "id", decltype: "INTEGER" },
        { name: "n", decltype: "TEXT" },
        { name: "s", decltype: null },
      ],
      is_explain: false,
      is_readonly: true,
    });
    const write = await client.ok({ type: "describe", stream_id: 1, sql: "DELETE FROM ws_desc WHERE id = ?" });
    expect(write.result).toMatchObject({ params: [{ name: null }], is_readonly: false, is_explain: false });
    const explain = await client.ok({ type: "describe", stream_id: 1, sql: "EXPLAIN QUERY PLAN SELECT * FROM ws_desc" });
    expect(explain.result.is_explain).toBe(true);
    client.close();
  });

  it("keeps stored SQL per connection: usable from two streams and after the storing stream closed", async () => {
    const client = await clientWithStream(1);
    await client.ok({ type: "open_stream", stream_id: 2 });
    await client.ok({ type: "store_sql", sql_id: 5, sql: "SELECT ? * 2" });
    const byId = (streamId: number, n: number) => ({
      type: "execute",
      stream_id: streamId,
      stmt: { sql_id: 5, args: [int(n)], named_args: [], want_rows: true },
    });
    expect((await client.ok(byId(1, 2))).result.rows).toEqual([[int(4)]]);
    expect((await client.ok(byId(2, 3))).result.rows).toEqual([[int(6)]]);
    await client.ok({ type: "close_stream", stream_id: 1 });
    expect((await client.ok(byId(2, 5))).result.rows).toEqual([[int(10)]]);
    await client.ok({ type: "open_stream", stream_id: 3 });
    expect((await client.ok(byId(3, 7))).result.rows).toEqual([[int(14)]]);
    // In a batch and a describe, too.
    const batch = await client.ok({ type: "batch", stream_id: 3, batch: { steps: [{ stmt: { sql_id: 5, args: [int(1)] } }] } });
    expect(batch.result.step_results[0].rows).toEqual([[int(2)]]);
    expect((await client.ok({ type: "describe", stream_id: 3, sql_id: 5 })).result.params).toEqual([{ name: null }]);

    expect(await client.ok({ type: "close_sql", sql_id: 5 })).toEqual({ type: "close_sql" });
    await client.error(byId(2, 1));
    // Closing an id that is not in use is not an error, and the id may be stored again.
    await client.ok({ type: "close_sql", sql_id: 5 });
    await client.ok({ type: "store_sql", sql_id: 5, sql: "SELECT ? + 100" });
    expect((await client.ok(byId(2, 1))).result.rows).toEqual([[int(101)]]);

    // Another connection does not see this connection's texts.
    const other = await clientWithStream(1);
    await other.error(byId(1, 1));
    other.close();
    client.close();
  });

  it("reports get_autocommit outside and inside a transaction", async () => {
    const client = await clientWithStream(1);
    const autocommit = async () => (await client.ok({ type: "get_autocommit", stream_id: 1 })) as { is_autocommit: boolean };
    expect(await autocommit()).toEqual({ type: "get_autocommit", is_autocommit: true });
    await client.ok(execute(1, "BEGIN"));
    expect((await autocommit()).is_autocommit).toBe(false);
    await client.ok(execute(1, "COMMIT"));
    expect((await autocommit()).is_autocommit).toBe(true);
    client.close();
  });

  it("streams cursor entries through open_cursor / fetch_cursor / close_cursor", async () => {
    const client = await clientWithStream(1);
    await client.ok(execute(1, "CREATE TABLE ws_cur (a INTEGER)"));
    await client.ok(execute(1, "INSERT INTO ws_cur VALUES (1), (2), (3)"));
    expect(
      await client.ok({
        type: "open_cursor",
        stream_id: 1,
        cursor_id: 7,
        batch: {
          steps: [
            step("SELECT a FROM ws_cur ORDER BY a"),
            step("SELECT * FROM ws_cur_missing"),
            step("SELECT 'skipped'", { type: "ok", step: 1 }),
            step("SELECT 'after' AS b", { type: "error", step: 1 }),
          ],
        },
      }),
    ).toEqual({ type: "open_cursor" });

    const entries: Wire[] = [];
    for (let fetches = 0; fetches < 20; fetches++) {
      const fetched = await client.ok({ type: "fetch_cursor", cursor_id: 7, max_count: 2 });
      expect(fetched.type).toBe("fetch_cursor");
      expect(fetched.entries.length).toBeLessThanOrEqual(2);
      entries.push(...fetched.entries);
      if (fetched.done) break;
    }
    expect(entries).toEqual([
      { type: "step_begin", step: 0, cols: [{ name: "a", decltype: "INTEGER" }] },
      { type: "row", row: [int(1)] },
      { type: "row", row: [int(2)] },
      { type: "row", row: [int(3)] },
      expect.objectContaining({ type: "step_end", affected_row_count: 0 }),
      { type: "step_error", step: 1, error: { message: expect.any(String), code: expect.any(String) } },
      { type: "step_begin", step: 3, cols: [{ name: "b", decltype: null }] },
      { type: "row", row: [text("after")] },
      expect.objectContaining({ type: "step_end", affected_row_count: 0 }),
    ]);
    // Once done, later fetches return nothing.
    expect(await client.ok({ type: "fetch_cursor", cursor_id: 7, max_count: 10 })).toEqual({ type: "fetch_cursor", entries: [], done: true });
    expect(await client.ok({ type: "close_cursor", cursor_id: 7 })).toEqual({ type: "close_cursor" });
    await client.error({ type: "fetch_cursor", cursor_id: 7, max_count: 1 });
    // The stream is usable again after the cursor is closed.
    expect((await client.ok(execute(1, "SELECT count(*) FROM ws_cur"))).result.rows).toEqual([[int(3)]]);
    client.close();
  });

  it("processes requests pipelined right behind hello, answering hello_ok first", async () => {
    const socket = await JsonSocket.connect(server.wsUrl, { protocols: ["hrana3"] });
    socket.send({ type: "hello" });
    socket.send({ type: "request", request_id: 1, request: { type: "open_stream", stream_id: 4 } });
    socket.send({ type: "request", request_id: 2, request: execute(4, "SELECT 'piped'") });
    socket.send({ type: "request", request_id: 3, request: { type: "close_stream", stream_id: 4 } });
    expect(await socket.take()).toEqual({ type: "hello_ok" });
    const client = new HranaWsClient(socket);
    expect(await client.reply(1)).toEqual({ type: "response_ok", request_id: 1, response: { type: "open_stream" } });
    const executed = await client.reply(2);
    expect(executed.type).toBe("response_ok");
    expect(executed.response.result.rows).toEqual([[text("piped")]]);
    expect(await client.reply(3)).toEqual({ type: "response_ok", request_id: 3, response: { type: "close_stream" } });
    socket.close();
  });

  it("answers an unknown request type with response_error and stays usable", async () => {
    const client = await clientWithStream(1);
    const id = client.send({ type: "teleport", stream_id: 1 }, 99);
    const reply = await client.reply(id);
    expect(reply).toMatchObject({ type: "response_error", request_id: 99, error: { message: expect.any(String) } });
    expect(reply.error.code).toBe("UNKNOWN_REQUEST");
    // A known request with wrong field types is a response_error too.
    const bad = await client.request({ type: "execute", stream_id: 1, stmt: { sql: "SELECT 1", args: "x" } });
    expect(bad.type).toBe("response_error");
    expect((await client.ok(execute(1, "SELECT 'still here'"))).result.rows).toEqual([[text("still here")]]);
    client.close();
  });
});

describe("protocol violations", () => {
  it("closes the socket with 1008 for a request before hello", async () => {
    const socket = await JsonSocket.connect(server.wsUrl, { protocols: ["hrana3"] });
    socket.send({ type: "request", request_id: 1, request: { type: "open_stream", stream_id: 1 } });
    expect((await socket.waitClosed()).code).toBe(1008);
    expect(socket.pending.filter((m) => m.type === "response_ok")).toEqual([]);
  });

  it("closes the socket with 1007 for a text frame that is not JSON", async () => {
    const client = await clientWithStream(1);
    client.socket.sendRaw("{this is not json", { binary: false });
    expect((await client.socket.waitClosed()).code).toBe(1007);
  });

  it("closes the socket with 1003 for a binary frame", async () => {
    const client = await clientWithStream(1);
    client.socket.sendRaw(Buffer.from(JSON.stringify({ type: "request", request_id: 1, request: execute(1, "SELECT 1") })), { binary: true });
    expect((await client.socket.waitClosed()).code).toBe(1003);
  });

  it("closes the socket with 1008 for an unknown message type", async () => {
    const client = await clientWithStream(1);
    client.socket.send({ type: "bonjour" });
    expect((await client.socket.waitClosed()).code).toBe(1008);
  });

  it("keeps serving other sockets, and rolls back the violators' transactions", async () => {
    const violator = await clientWithStream(1);
    await violator.ok(execute(1, "CREATE TABLE ws_after (x)"));
    await violator.ok(execute(1, "BEGIN IMMEDIATE"));
    await violator.ok(execute(1, "INSERT INTO ws_after VALUES ('lost')"));
    violator.socket.sendRaw("garbage", { binary: false });
    expect((await violator.socket.waitClosed()).code).toBe(1007);

    const client = await clientWithStream(2);
    await client.ok(execute(2, "INSERT INTO ws_after VALUES ('kept')"));
    expect((await client.ok(execute(2, "SELECT x FROM ws_after"))).result.rows).toEqual([[text("kept")]]);
    client.close();

    const viaHttp = await httpRun(server.httpUrl, ["SELECT x FROM ws_after"]);
    expect(allOk(viaHttp)).toBe(true);
    expect(rowsAt(viaHttp, 0)).toEqual([[text("kept")]]);
  });
});
