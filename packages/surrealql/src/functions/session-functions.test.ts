import { NONE, RecordId, Uuid } from "@baton/codecs";
import { describe, expect, it } from "vitest";
import { failureMessage } from "../values/expect-failure.js";
import { callBuiltin } from "./builtin-functions.js";
import type { SessionInfo } from "./function-types.js";

const SESSION_ID = "0192d5d2-1c5e-7b2a-9b1e-3c4d5e6f7a8b";
const user = new RecordId("user", "tobie");
const session: SessionInfo = {
  namespace: "app",
  database: "main",
  id: SESSION_ID,
  ip: "192.0.2.1",
  origin: "https://app.example",
  auth: { id: user, name: "Tobie" },
  token: { AC: "users", ID: "user:tobie" },
};
const ask = (name: string, on: SessionInfo = session) => callBuiltin(name, [], { session: on });

describe("session::", () => {
  it("answers what the session knows", () => {
    expect(ask("session::ns")).toBe("app");
    expect(ask("session::db")).toBe("main");
    expect(ask("session::id")).toEqual(Uuid.parse(SESSION_ID));
    expect(ask("session::ip")).toBe("192.0.2.1");
    expect(ask("session::origin")).toBe("https://app.example");
    expect(ask("session::ac")).toBe("users");
    expect(ask("session::rd")).toEqual(user);
    expect(ask("session::token")).toEqual({ AC: "users", ID: "user:tobie" });
  });

  it("answers NONE for what it does not know", () => {
    for (const name of ["session::ns", "session::db", "session::id", "session::ip", "session::origin", "session::ac", "session::rd", "session::token"]) {
      expect(ask(name, {})).toBe(NONE);
    }
    expect(ask("session::rd", { auth: user })).toEqual(user);
  });

  it("takes no arguments", () => {
    expect(failureMessage(() => callBuiltin("session::ns", [1]))).toBe("Incorrect arguments for function session::ns(). Expected no arguments");
  });
});
