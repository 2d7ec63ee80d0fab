import { describe, expect, it } from "vitest";
import { validatorFor } from "../validator.js";
import { RpcError } from "./rpc-errors.js";
import { RpcLiveNotification, RpcQueryResult, RpcResponse } from "./rpc-response.js";
import { RPC_NONE } from "./rpc-values.js";

describe("RPC response schemas", () => {
  const response = validatorFor(RpcResponse);
  const notification = validatorFor(RpcLiveNotification);
  const statement = validatorFor(RpcQueryResult);

  it("accept results and the errors RpcError produces", () => {
    expect(response.check({ id: "1", result: RPC_NONE })).toBe(true);
    expect(response.check({ result: null })).toBe(true);
    expect(response.check({ id: "1", error: RpcError.sessionNotFound("s").toWire(), session: "s" })).toBe(true);
    expect(response.check({ error: RpcError.tokenExpired().toWire() })).toBe(true);
    expect(response.check({ id: "1" })).toBe(false);
    expect(response.check({ error: { code: -32000, message: "x", kind: "Unheard" } })).toBe(false);
  });

  it("accept notifications and refuse a top-level id on them", () => {
    const live = { id: {}, action: "CREATE", record: {}, result: { n: 1 } };
    expect(notification.check({ result: live })).toBe(true);
    expect(notification.check({ result: { ...live, action: "KILLED", record: RPC_NONE, result: RPC_NONE }, session: {} })).toBe(true);
    expect(notification.check({ id: "1", result: live })).toBe(false);
    expect(notification.check({ result: { ...live, action: "create" } })).toBe(false);
  });

  it("accept statement results with a time the JS SDK can parse", () => {
    expect(statement.check({ status: "OK", time: "187.091µs", type: RPC_NONE, result: [] })).toBe(true);
    expect(statement.check({ status: "OK", time: "1.438279ms", type: "live", result: {} })).toBe(true);
    expect(
      statement.check({
        status: "ERR",
        time: "72ns",
        type: RPC_NONE,
        result: "The table 'x' does not exist",
        kind: "NotFound",
        details: { kind: "Table", details: { name: "x" } },
      }),
    ).toBe(true);
    expect(statement.check({ status: "OK", time: "1.5 ms", type: RPC_NONE, result: 1 })).toBe(false);
    expect(statement.check({ status: "OK", time: "1ms2us", type: RPC_NONE, result: 1 })).toBe(false);
    expect(statement.check({ status: "OK", type: RPC_NONE, result: 1 })).toBe(false);
    expect(statement.check({ status: "ERR", time: "1s", type: RPC_NONE, result: 5, kind: "Internal" })).toBe(false);
  });
});
