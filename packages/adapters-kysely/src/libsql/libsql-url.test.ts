import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GatewayError } from "@baton/protocol-types";
import { tempDirectory } from "../test-support/temp-directory.js";
import { parseLibsqlLocation, redact, type LibsqlLocation } from "./libsql-url.js";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function remote(url: string) {
  const location = parseLibsqlLocation(url);
  if (location.kind !== "remote") throw new Error(`expected a remote location, got ${location.kind}`);
  return location;
}

describe("file: URLs", () => {
  it.each([
    ["file:/srv/data", { kind: "directory", directory: "/srv/data" }],
    ["file:/srv/app.db", { kind: "file", file: "/srv/app.db" }],
    ["file:/srv/app.SQLITE3", { kind: "file", file: "/srv/app.SQLITE3" }],
    ["file:///srv/app.db", { kind: "file", file: "/srv/app.db" }],
    ["file://localhost/srv/my%20data", { kind: "directory", directory: "/srv/my data" }],
    ["file:relative/app.db", { kind: "file", file: resolve("relative/app.db") }],
  ] satisfies [string, LibsqlLocation][])("reads %s", (url, expected) => {
    expect(parseLibsqlLocation(url)).toEqual(expected);
  });

  it("goes by what exists: an existing file without extension, an existing directory named *.db", () => {
    const temp = tempDirectory("baton-libsql-url-");
    cleanups.push(temp.remove);
    writeFileSync(join(temp.path, "plain"), "");
    mkdirSync(join(temp.path, "dir.db"));
    expect(parseLibsqlLocation(`file:${join(temp.path, "plain")}`).kind).toBe("file");
    expect(parseLibsqlLocation(`file:${join(temp.path, "dir.db")}`).kind).toBe("directory");
  });

  it.each(["file:", "file://", "file://otherhost/x.db", "file:/srv/{namespace}.db"])("refuses %s", (url) => {
    expect(() => parseLibsqlLocation(url)).toThrow(Error);
  });
});

describe("remote URLs", () => {
  it("reads http, https, ws and wss URLs as they are", () => {
    expect(remote("http://127.0.0.1:8080")).toMatchObject({ transport: "http", authToken: undefined });
    expect(remote("http://127.0.0.1:8080").url.toString()).toBe("http://127.0.0.1:8080");
    expect(remote("https://db.example.com/base/").url.toString()).toBe("https://db.example.com/base/");
    expect(remote("ws://127.0.0.1:8080").transport).toBe("ws");
    expect(remote("wss://db.example.com").url.toString()).toBe("wss://db.example.com");
  });

  it("reads libsql:// as https://, or http:// with tls=0, and takes authToken from the query", () => {
    const turso = remote("libsql://my-db.turso.io?authToken=secret");
    expect(turso).toMatchObject({ transport: "http", authToken: "secret" });
    expect(turso.url.toString()).toBe("https://my-db.turso.io");
    expect(remote("libsql://localhost:8080?tls=0").url.toString()).toBe("http://localhost:8080");
  });

  it("serves one database, or one per namespace with {namespace}", () => {
    const single = remote("https://db.example.com");
    expect(single.url.perNamespace).toBe(false);
    expect(single.url.forNamespace("default")).toBe("https://db.example.com");

    const byHost = remote("libsql://{namespace}.my-org.turso.io");
    expect(byHost.url.perNamespace).toBe(true);
    expect(byHost.url.toString()).toBe("https://{namespace}.my-org.turso.io");
    expect(byHost.url.forNamespace("acme-1")).toBe("https://acme-1.my-org.turso.io");

    const byPath = remote("http://sqld:8080/{namespace}/");
    expect(byPath.url.forNamespace("Acme")).toBe("http://sqld:8080/Acme/");
    expect(remote("ws://sqld:8080/db/{namespace}").url.forNamespace("a")).toBe("ws://sqld:8080/db/a");
  });

  it("refuses an upper-case namespace where it would become a host name", () => {
    const byHost = remote("https://{namespace}.example.com");
    const error = (() => {
      try {
        byHost.url.forNamespace("Acme");
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe("NAMESPACE_INVALID");
  });

  it.each([
    "http://sqld:8080/{namespace}",
    "https://db.example.com?tls=0",
    "libsql://localhost?tls=0",
    "https://user:pass@db.example.com",
    "https://db.example.com?foo=1",
    "postgres://db",
  ])("refuses %s", (url) => {
    expect(() => parseLibsqlLocation(url)).toThrow(Error);
  });

  it("keeps tokens out of messages", () => {
    expect(() => parseLibsqlLocation("https://db.example.com?authToken=secret&foo=1")).toThrow(/authToken=\*\*\*/);
    expect(redact("libsql://h?tls=1&authToken=abc.def")).toBe("libsql://h?tls=1&authToken=***");
  });
});
