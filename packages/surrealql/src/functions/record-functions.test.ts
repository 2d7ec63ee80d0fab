import { NONE, RecordId, StringRecordId } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { failureMessage } from "../values/expect-failure.js";
import { callBuiltin } from "./builtin-functions.js";

const tobie = new RecordId("person", "tobie");

describe("record:: and meta::", () => {
  it("split a record id into table and key", () => {
    expect(callBuiltin("record::id", [tobie])).toBe("tobie");
    expect(callBuiltin("record::id", [new RecordId("t", [1, "a"])])).toEqual([1, "a"]);
    expect(callBuiltin("record::table", [tobie])).toBe("person");
    expect(callBuiltin("record::tb", [new StringRecordId("person:tobie")])).toBe("person");
    expect(callBuiltin("meta::id", [tobie])).toBe("tobie");
    expect(callBuiltin("meta::tb", [tobie])).toBe("person");
  });

  it("refuses what is not a record id", () => {
    expect(failureMessage(() => callBuiltin("record::id", ["person:tobie"]))).toBe(
      "Incorrect arguments for function record::id(). Argument 1 was the wrong type. Expected `record` but found `'person:tobie'`",
    );
  });

  it("asks the store whether a record exists, NONE without one", async () => {
    const context = { session: {}, recordExists: async (id: RecordId) => id.table === "person" && id.id === "tobie" };
    await expect(callBuiltin("record::exists", [tobie], context)).resolves.toBe(true);
    await expect(callBuiltin("record::exists", [new RecordId("person", "jaime")], context)).resolves.toBe(false);
    expect(callBuiltin("record::exists", [tobie])).toBe(NONE);
  });
});
