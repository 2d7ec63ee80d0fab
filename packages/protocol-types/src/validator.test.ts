import { describe, expect, it } from "vitest";
import { BatchCond, PipelineReqBody, Stmt, Value } from "./hrana/index.js";
import { validatorFor } from "./validator.js";

describe("compiled validators", () => {
  const value = validatorFor(Value);
  it("accept every Hrana value form", () => {
    for (const v of [
      { type: "null" },
      { type: "integer", value: "-9223372036854775808" },
      { type: "float", value: 2 },
      { type: "text", value: "žluťoučký 🐎" },
      { type: "blob", base64: "AQID" },
      { type: "blob", base64: "AQI=" },
      { type: "blob", base64: "AQI" },
    ]) {
      expect(value.check(v), JSON.stringify(v)).toBe(true);
    }
  });

  it("reject integers as JSON numbers and unknown tags, with a readable reason", () => {
    expect(value.check({ type: "integer", value: 42 })).toBe(false);
    expect(value.check({ type: "integer", value: "4.2" })).toBe(false);
    expect(value.check({ type: "bool", value: true })).toBe(false);
    expect(validatorFor(Stmt).explain({ sql: 1 })).toMatch(/^\/sql: /);
  });

  it("check recursive batch conditions", () => {
    const cond = validatorFor(BatchCond);
    expect(cond.check({ type: "not", cond: { type: "and", conds: [{ type: "ok", step: 0 }, { type: "is_autocommit" }] } })).toBe(true);
    expect(cond.check({ type: "not", cond: { type: "ok", step: -1 } })).toBe(false);
  });

  it("validate the pipeline envelope but not the requests inside it", () => {
    const body = validatorFor(PipelineReqBody);
    expect(body.check({ baton: null, requests: [{ type: "anything" }] })).toBe(true);
    expect(body.check({ requests: [] })).toBe(true);
    expect(body.check({ baton: 5, requests: [] })).toBe(false);
    expect(body.check({ baton: null })).toBe(false);
  });
});
