// The markers the load judges CBOR replies by, tried on replies encoded as Baton encodes them.
import { NONE, RecordId, surrealCborCodec } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { failureTest } from "../load/fail-markers.js";
import { requestIdOf } from "../load/ws-load.js";
import { QUERY_FAILED, RPC_FAILED, rpcIdMarker } from "./rpc-wire.js";

const reply = (value: unknown) => Buffer.from(surrealCborCodec.encode(value));
const entry = (fields: Record<string, unknown>) => ({ time: "12.5µs", type: NONE, ...fields });
const record = { id: new RecordId("person", 4242), name: "person-4242", age: 12 };

describe("query replies", () => {
  const failed = failureTest(QUERY_FAILED);

  it("pass when every statement is OK", () => {
    expect(failed(reply({ id: "1000", result: [entry({ status: "OK", result: record })] }))).toBe(false);
    expect(failed(reply({ id: "1000", result: [entry({ status: "OK", result: NONE })] }))).toBe(false);
  });

  it("fail when a statement is ERR, although the call itself succeeded", () => {
    const statementError = reply({
      id: "1000",
      result: [entry({ status: "ERR", result: "Database record `bench:x` already exists", kind: "AlreadyExists" })],
    });
    expect(failed(statementError)).toBe(true);
    // The record methods' marker alone would have counted it as a success.
    expect(failureTest(RPC_FAILED)(statementError)).toBe(false);
  });

  it("fail when the whole call fails, as a parse error does", () => {
    expect(failed(reply({ id: "1000", error: { code: -32000, message: "Parse error", kind: "Validation" } }))).toBe(true);
  });

  it("are judged alike as bytes and as the UTF-8 text autocannon hands over", () => {
    const statementError = reply({ result: [entry({ status: "ERR", result: "boom", kind: "Thrown" })] });
    expect(failed(statementError.toString("utf8"))).toBe(true);
    expect(failed(reply({ result: [entry({ status: "OK", result: record })] }).toString("utf8"))).toBe(false);
  });
});

describe("rpcIdMarker", () => {
  it("lets the load read a reply's four-digit string id", () => {
    expect(requestIdOf(reply({ id: "1015", result: [] }), Buffer.from(rpcIdMarker(4), "latin1"))).toBe(1015);
  });
});
