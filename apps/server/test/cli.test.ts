// The deployable CLI as users run it: the built `baton start`, a real process, real signals.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";

const CLI = join(import.meta.dirname, "../dist/cli.js");
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts `baton start` and resolves with the HTTP URL from its start-up log line. */
function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn(process.execPath, [CLI, "start", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Hrana over HTTP at (http:\/\/\S+) /.exec(output);
      if (found) resolve({ child, url: found[1] as string, log: () => output });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`baton exited with ${code}: ${output}`)));
  });
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "baton-cli-"));
  dirs.push(dir);
  return dir;
}

describe("baton start", () => {
  it("serves, then on SIGTERM closes sockets with 1001, rolls back open transactions and exits 0", async () => {
    const data = tempDir();
    const { child, url } = await startCli(["--bind", "127.0.0.1:0", "--data", data]);
    const db = createClient({ url });
    await db.execute("CREATE TABLE kept (v TEXT)");
    await db.execute("INSERT INTO kept VALUES ('committed')");

    const ws = new WebSocket(url.replace("http", "ws"), ["hrana2"]);
    await new Promise((resolve) => ws.once("open", resolve));
    const replies: { type: string }[] = [];
    ws.on("message", (data: Buffer) => replies.push(JSON.parse(data.toString("utf8")) as { type: string }));
    const send = (msg: unknown) => ws.send(JSON.stringify(msg));
    send({ type: "hello" });
    send({ type: "request", request_id: 1, request: { type: "open_stream", stream_id: 1 } });
    const exec = (id: number, sql: string) =>
      send({ type: "request", request_id: id, request: { type: "execute", stream_id: 1, stmt: { sql } } });
    exec(2, "BEGIN IMMEDIATE");
    exec(3, "INSERT INTO kept VALUES ('uncommitted')");
    await expect.poll(() => replies.length, { timeout: 5000 }).toBe(4);
    expect(replies.map((r) => r.type)).toEqual(["hello_ok", "response_ok", "response_ok", "response_ok"]);

    const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
    const exited = exitOf(child);
    child.kill("SIGTERM");
    expect(await closed).toBe(1001);
    expect(await exited).toBe(0);
    db.close();

    const again = await startCli(["--bind", "127.0.0.1:0", "--data", data]);
    const db2 = createClient({ url: again.url });
    const rows = await db2.execute("SELECT v FROM kept ORDER BY v");
    expect(rows.rows.map((r) => r.v)).toEqual(["committed"]);
    db2.close();
  });

  it("takes its settings from BATON_* variables and enforces credentials", async () => {
    const data = tempDir();
    const { url } = await startCli([], { BATON_BIND: "127.0.0.1:0", BATON_DATA: data, BATON_USER: "admin", BATON_PASS: "s3cret" });
    const anonymous = createClient({ url });
    await expect(anonymous.execute("SELECT 1")).rejects.toMatchObject({ code: "AUTH_HEADER_NOT_FOUND" });
    const wrong = createClient({ url, authToken: "admin:nope" });
    await expect(wrong.execute("SELECT 1")).rejects.toMatchObject({ code: "AUTH_CREDENTIALS_INVALID" });
    const admin = createClient({ url, authToken: "admin:s3cret" });
    expect((await admin.execute("SELECT 1 AS one")).rows[0]?.one).toBe(1);
    for (const c of [anonymous, wrong, admin]) c.close();
  });

  it("refuses bad arguments with a message and a non-zero exit", async () => {
    const child = spawn(process.execPath, [CLI, "start", "--bind", "nowhere"], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    expect(await exitOf(child)).toBe(1);
    expect(err).toMatch(/--bind must be HOST:PORT/);
  });
});
