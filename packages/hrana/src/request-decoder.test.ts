import { describe, expect, it } from "vitest";
import { decodeStreamRequest, decodeWsRequest } from "./request-decoder.js";

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return "no error";
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe("request decoding", () => {
  it("decodes each variant by its type tag", () => {
    expect(decodeStreamRequest({ type: "execute", stmt: { sql: "SELECT 1" } }, 2).type).toBe("execute");
    expect(decodeWsRequest({ type: "open_stream", stream_id: 1 }, 1).type).toBe("open_stream");
  });

  it("names unknown types and explains invalid fields", () => {
    expect(codeOf(() => decodeStreamRequest({ type: "drop_everything" }, 3))).toBe("UNKNOWN_REQUEST");
    expect(codeOf(() => decodeStreamRequest({ type: "__proto__" }, 3))).toBe("UNKNOWN_REQUEST");
    expect(codeOf(() => decodeStreamRequest({ stmt: {} }, 3))).toBe("PROTOCOL_ERROR");
    expect(codeOf(() => decodeStreamRequest("execute", 3))).toBe("PROTOCOL_ERROR");
    expect(() => decodeStreamRequest({ type: "execute", stmt: { sql: "x", args: "nope" } }, 3)).toThrow(
      /Invalid execute request: \/stmt\/args/,
    );
  });

  it("gates requests by the negotiated version", () => {
    expect(codeOf(() => decodeStreamRequest({ type: "get_autocommit" }, 2))).toBe("VERSION_MISMATCH");
    expect(codeOf(() => decodeStreamRequest({ type: "get_autocommit" }, 3))).toBe("no error");
    expect(codeOf(() => decodeWsRequest({ type: "store_sql", sql_id: 1, sql: "x" }, 1))).toBe("VERSION_MISMATCH");
    expect(codeOf(() => decodeWsRequest({ type: "fetch_cursor", cursor_id: 1, max_count: 5 }, 2))).toBe(
      "VERSION_MISMATCH",
    );
    expect(codeOf(() => decodeWsRequest({ type: "fetch_cursor", cursor_id: 1, max_count: 5 }, 3))).toBe("no error");
  });
});
