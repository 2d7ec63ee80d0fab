// The RPC format choices: subprotocol negotiation on /rpc, media types, and the JSON reply rule.
import { NONE, surrealCborCodec } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { formatOfMediaType, RPC_FORMATS } from "./rpc-formats.js";
import { negotiateRpc } from "./subprotocol.js";

describe("RPC formats", () => {
  it("negotiates cbor or json as offered (CBOR first), JSON when nothing is offered, nothing else", () => {
    expect(negotiateRpc(undefined)).toEqual({ kind: "rpc", format: "json", protocol: null });
    expect(negotiateRpc("json, CBOR")).toEqual({ kind: "rpc", format: "cbor", protocol: "CBOR" });
    expect(negotiateRpc("json")).toEqual({ kind: "rpc", format: "json", protocol: "json" });
    expect(negotiateRpc("flatbuffers, hrana3")).toEqual({ kind: "unsupported", offered: ["flatbuffers", "hrana3"] });
  });

  it("reads media types without their parameters, in any case", () => {
    expect(formatOfMediaType("application/cbor")).toBe("cbor");
    expect(formatOfMediaType("Application/JSON; charset=utf-8")).toBe("json");
    expect(formatOfMediaType("application/vnd.surrealdb.flatbuffers")).toBeUndefined();
    expect(formatOfMediaType("")).toBeUndefined();
  });

  it("keeps a NONE result as null in JSON replies, and as NONE in CBOR ones", () => {
    const json = Buffer.from(RPC_FORMATS.json.encodeFrame({ id: 1, result: NONE })).toString("utf8");
    expect(JSON.parse(json)).toEqual({ id: 1, result: null });
    expect(surrealCborCodec.decode(RPC_FORMATS.cbor.encodeFrame({ id: 1, result: NONE }))).toEqual({ id: 1, result: NONE });
  });
});
