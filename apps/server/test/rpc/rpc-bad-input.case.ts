// Bad input: each mistake gets a clear error, and a WebSocket survives whatever it can survive
// (reference section 2: undecodable frames → -32700 with no id; envelopes of the wrong shape →
// -32600; wrong params → -32603). HTTP refuses media types it does not speak (415) and oversized
// bodies (413) before any RPC runs.
import type { RpcClientEvent } from "@baton/client-sdk";
import { describe, expect, test } from "vitest";
import { BASIC_ROOT, expectRefused, expectRpcError, MAX_BODY, sleep, type RpcFixture } from "./rpc-fixture.js";

/** Waits until `events` holds an answer to no call (an error frame without an id). */
async function nextUnmatched(events: RpcClientEvent[]): Promise<RpcClientEvent> {
  for (let i = 0; i < 200; i++) {
    const found = events.find((e) => e.kind === "unmatched");
    if (found !== undefined) return found;
    await sleep(10);
  }
  throw new Error("No answer to the bad frame arrived");
}

/** A CBOR map {method: "ping"} cut short, and a UUID tag (37) around a 3-byte string instead of 16 bytes. */
const TRUNCATED_CBOR = Uint8Array.from([0xa2, 0x66, 0x6d, 0x65, 0x74, 0x68]);
const BAD_TAG_CBOR = Uint8Array.from([0xa2, 0x62, 0x69, 0x64, 0xd8, 0x25, 0x43, 0x01, 0x02, 0x03, 0x66, 0x6d, 0x65, 0x74, 0x68, 0x6f, 0x64, 0x64, 0x70, 0x69, 0x6e, 0x67]);
const NOT_A_MAP_CBOR = Uint8Array.from([0x05]);

export function badInputCases(baton: RpcFixture): void {
  const raw = baton.format === "cbor" ? [TRUNCATED_CBOR, BAD_TAG_CBOR, NOT_A_MAP_CBOR] : ['{"id": 1, "method": "pi', "[1, 2]", "\u00ff{"];

  describe("bad input", () => {
    test("an undecodable frame or body answers -32700 Parse error with no id; the connection keeps working", async () => {
      const events: RpcClientEvent[] = [];
      const db = await baton.client({ onEvent: (event) => events.push(event) });
      for (const bytes of raw) {
        events.length = 0;
        const answer = await db.sendRaw(bytes);
        const frame = baton.transport === "ws" ? ((await nextUnmatched(events)) as { frame: unknown }).frame : answer;
        expect(frame).toMatchObject({ error: { code: -32700, kind: "Validation" } });
        expect(frame).not.toHaveProperty("id");
        expect(await db.call("ping")).toBe(baton.none);
      }
    });

    test("a frame nested deeper than 128 levels is a parse error; 128 levels are fine", async () => {
      const events: RpcClientEvent[] = [];
      const db = await baton.client({ onEvent: (event) => events.push(event) });
      // {id, method: "let", params: ["deep", [[…1…]]]}: the map and params take two levels.
      const frame = (levels: number): Uint8Array | string => {
        if (baton.format === "json") return `{"id":"deep","method":"let","params":["deep",${"[".repeat(levels)}1${"]".repeat(levels)}]}`;
        const head = [0xa3, 0x62, 0x69, 0x64, 0x64, 0x64, 0x65, 0x65, 0x70, 0x66, ...Buffer.from("method"), 0x63, ...Buffer.from("let")];
        const params = [0x66, ...Buffer.from("params"), 0x82, 0x64, ...Buffer.from("deep")];
        return Uint8Array.from([...head, ...params, ...new Array<number>(levels).fill(0x81), 0x01]);
      };
      for (const levels of [127, 5000]) {
        events.length = 0;
        const answer = await db.sendRaw(frame(levels));
        const reply = baton.transport === "ws" ? ((await nextUnmatched(events)) as { frame: unknown }).frame : answer;
        expect(reply).toMatchObject({ error: { code: -32700 } });
      }
      // 126 inner levels + params + the map: 128 in all, accepted (answered to its id over WebSocket).
      events.length = 0;
      const accepted = await db.sendRaw(frame(126));
      const reply = baton.transport === "ws" ? ((await nextUnmatched(events)) as { frame: unknown }).frame : accepted;
      expect(reply).toMatchObject({ result: null });
      expect(await db.call("ping")).toBe(baton.none);
    });

    test("envelopes of the wrong shape answer -32600 Invalid request", async () => {
      const events: RpcClientEvent[] = [];
      const db = await baton.client({ onEvent: (event) => events.push(event) });
      const bodies =
        baton.format === "json"
          ? ['{"id": 1, "method": 5}', '{"id": 1, "params": []}', '{"id": [1], "method": "ping"}']
          : [
              // {id: 1, method: 5}; {id: 1}; {id: [1], method: "ping"}
              Uint8Array.from([0xa2, 0x62, 0x69, 0x64, 0x01, 0x66, 0x6d, 0x65, 0x74, 0x68, 0x6f, 0x64, 0x05]),
              Uint8Array.from([0xa1, 0x62, 0x69, 0x64, 0x01]),
              Uint8Array.from([0xa2, 0x62, 0x69, 0x64, 0x81, 0x01, 0x66, 0x6d, 0x65, 0x74, 0x68, 0x6f, 0x64, 0x64, 0x70, 0x69, 0x6e, 0x67]),
            ];
      for (const body of bodies) {
        events.length = 0;
        const answer = await db.sendRaw(body);
        const frame = baton.transport === "ws" ? ((await nextUnmatched(events)) as { frame: unknown }).frame : answer;
        expect(frame).toMatchObject({ error: { code: -32600, kind: "Validation" } });
      }
      expect(await db.call("ping")).toBe(baton.none);
    });

    test("params of the wrong types answer -32603 with the method's message", async () => {
      const db = await baton.client();
      await expectRpcError(db.call("use", [1, 2]), { code: -32603, kind: "Validation", details: { kind: "InvalidParams" } });
      await expectRpcError(db.call("let", [5, 1]), { code: -32603, kind: "Validation" });
      await expectRpcError(db.call("signin", ["root"]), { code: expect.any(Number) as number });
      expect(await db.call("ping")).toBe(baton.none);
    });

    test("`params` that is not an array counts as [] (SurrealDB's rule): version takes it", async () => {
      const events: RpcClientEvent[] = [];
      const db = await baton.client({ onEvent: (event) => events.push(event) });
      // {method: "version", params: 5}, without an id
      const body =
        baton.format === "json"
          ? '{"method": "version", "params": 5}'
          : Uint8Array.from([0xa2, 0x66, ...Buffer.from("method"), 0x67, ...Buffer.from("version"), 0x66, ...Buffer.from("params"), 0x05]);
      const answer = await db.sendRaw(body);
      const frame = baton.transport === "ws" ? ((await nextUnmatched(events)) as { frame: unknown }).frame : answer;
      expect(frame).toEqual({ result: await db.call("version") });
    });

    if (baton.transport === "http") {
      test("HTTP: a Content-Type other than JSON or CBOR, or an Accept naming the other one, is a 415", async () => {
        const url = `${baton.server.httpUrl}/rpc`;
        const post = (headers: Record<string, string>) =>
          fetch(url, { method: "POST", headers: { Authorization: BASIC_ROOT, ...headers }, body: '{"method":"ping"}' });
        expect((await post({ "Content-Type": "text/plain" })).status).toBe(415);
        expect((await post({})).status).toBe(415);
        expect((await post({ "Content-Type": "application/json", Accept: "application/cbor" })).status).toBe(415);
        expect((await post({ "Content-Type": "application/json", Accept: "*/*" })).status).toBe(200);
        expect((await post({ "Content-Type": "application/json; charset=utf-8" })).status).toBe(200);
        const db = await baton.client({ headers: { Accept: baton.format === "cbor" ? "application/json" : "application/cbor" } });
        await expectRefused(db.call("ping"), 415);
      });

      test("HTTP: a body over --max-body is a 413", async () => {
        const db = await baton.client();
        await expectRefused(db.call("create", [baton.rid("big", "k"), { blob: "x".repeat(MAX_BODY + 1) }]), 413);
      });

      test("HTTP: GET /rpc is not allowed; GET /version and /health answer", async () => {
        expect((await fetch(`${baton.server.httpUrl}/rpc`)).status).toBe(405);
        expect((await fetch(`${baton.server.httpUrl}/version`)).status).toBe(200);
        expect((await fetch(`${baton.server.httpUrl}/health`)).status).toBe(200);
      });
    } else {
      test("WebSocket: a frame over --max-body closes the socket with 1009", async () => {
        const db = await baton.client({ onEvent: () => undefined });
        db.call("create", [baton.rid("big", "k"), { blob: "x".repeat(MAX_BODY + 1) }]).catch(() => undefined);
        expect((await db.closed)?.code).toBe(1009);
      });

      test("WebSocket: a subprotocol other than cbor or json is refused; none means JSON", async () => {
        const { WebSocket } = await import("ws");
        const refused = await new Promise<number>((resolve) => {
          const socket = new WebSocket(`${baton.server.wsUrl}/rpc`, "flatbuffers");
          socket.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
          socket.on("open", () => resolve(101));
        });
        expect(refused).toBe(400);
        const plain = new WebSocket(`${baton.server.wsUrl}/rpc`, { headers: { Authorization: BASIC_ROOT } });
        const reply = await new Promise<string>((resolve, reject) => {
          plain.on("open", () => plain.send(JSON.stringify({ id: "a", method: "ping" })));
          plain.on("message", (data) => resolve((data as Buffer).toString()));
          plain.on("error", reject);
        });
        plain.close();
        expect(JSON.parse(reply)).toEqual({ id: "a", result: null });
      });

      test("WebSocket: CBOR in a text frame, or JSON the wrong way, is a parse error and the socket survives", async () => {
        const events: RpcClientEvent[] = [];
        const db = await baton.client({ onEvent: (event) => events.push(event) });
        await db.sendRaw(baton.format === "cbor" ? "not cbor" : Uint8Array.from([0xff, 0xfe]));
        expect(((await nextUnmatched(events)) as { frame: unknown }).frame).toMatchObject({ error: { code: -32700 } });
        expect(await db.call("ping")).toBe(baton.none);
      });
    }
  });
}
