// The client's own behaviour against a scripted peer on a real socket: ids matched, frames for
// no call reported, pending calls rejected on close. Calls against Baton itself are in
// apps/server/test/rpc.
import { surrealCborCodec } from "@baton/codecs";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { WebSocketServer, type WebSocket } from "ws";
import { IdAllocator } from "./id-allocator.js";
import { RpcClient } from "./rpc-client.js";
import { RpcClientError, RpcConnectionError } from "./rpc-client-error.js";
import type { RpcClientEvent } from "./rpc-transport.js";

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A WebSocket peer speaking CBOR on a random port; `onRequest` scripts its answers. */
async function peer(onRequest: (request: Record<string, unknown>, socket: WebSocket) => void): Promise<string> {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1", handleProtocols: (offered) => [...offered][0] ?? false });
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  server.on("connection", (socket) =>
    socket.on("message", (data) => onRequest(surrealCborCodec.decode(data as Buffer) as Record<string, unknown>, socket)),
  );
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const send = (socket: WebSocket, frame: object) => socket.send(surrealCborCodec.encode(frame));

describe("IdAllocator", () => {
  test("never hands out an id that is held, and reuses the lowest freed one", () => {
    const ids = new IdAllocator();
    expect([ids.alloc(), ids.alloc(), ids.alloc()]).toEqual([1, 2, 3]);
    ids.free(3);
    ids.free(1);
    expect(ids.alloc()).toBe(1);
    expect(ids.alloc()).toBe(3);
    expect(ids.alloc()).toBe(4);
    expect(ids.size).toBe(4);
  });
});

describe("RpcClient over a scripted WebSocket peer", () => {
  test("answers are matched by id even out of order; errors become RpcClientError", async () => {
    const held: Record<string, unknown>[] = [];
    const url = await peer((request, socket) => {
      held.push(request);
      if (held.length < 2) return;
      const [first, second] = held as [Record<string, unknown>, Record<string, unknown>];
      send(socket, { id: second.id, error: { code: -32601, kind: "NotFound", message: "Method not found", details: { kind: "Method" } } });
      send(socket, { id: first.id, result: "first" });
    });
    const client = await RpcClient.connect(url, { format: "cbor" });
    const [a, b] = await Promise.allSettled([client.call("ping"), client.call("nope", [1])]);
    expect(a).toEqual({ status: "fulfilled", value: "first" });
    expect(b.status === "rejected" && b.reason).toBeInstanceOf(RpcClientError);
    expect(b.status === "rejected" && (b.reason as RpcClientError)).toMatchObject({ code: -32601, kind: "NotFound", details: { kind: "Method" } });
    expect(held[1]).toMatchObject({ method: "nope", params: [1] });
    await client.close();
  });

  test("frames for no pending call are reported, not dropped; the client keeps working", async () => {
    const events: RpcClientEvent[] = [];
    const url = await peer((request, socket) => {
      send(socket, { id: 999, result: "stray" });
      send(socket, { result: { id: "q", action: "KILLED", record: null, result: null } });
      send(socket, { error: { code: -32700, kind: "Validation", message: "Parse error" } });
      send(socket, { id: request.id, result: "ok" });
    });
    const client = await RpcClient.connect(url, { onEvent: (event) => events.push(event) });
    expect(await client.call("ping")).toBe("ok");
    expect(events.map((e) => e.kind)).toEqual(["unmatched", "notification", "unmatched"]);
    await client.close();
  });

  test("pending calls reject with RpcConnectionError when the socket closes, and later calls too", async () => {
    const url = await peer((_request, socket) => socket.close(1011, "gone"));
    const client = await RpcClient.connect(url);
    await expect(client.call("ping")).rejects.toBeInstanceOf(RpcConnectionError);
    expect(await client.closed).toEqual({ code: 1011, reason: "gone" });
    await expect(client.call("ping")).rejects.toThrow(/closed \(1011 gone\)/);
  });
});
