// Runs SurrealDB's documentation examples (doc-examples.ts) through Baton's RPC `query`, each in
// a fresh namespace, and compares every statement's outcome with the documented one. Examples
// marked `fails` run as expected failures, so the suite stays green while the docs table stays
// honest, and a fix in Baton turns the example red until its marking is removed.
import { Datetime, RecordId, RpcClientError, Uuid, type RpcClient } from "@baton/client-sdk";
import { describe, expect, test } from "vitest";
import type { Backend, BackendName } from "../libsql-client/backends.js";
import { useRpcBaton, type RpcFixture, type RpcTransport } from "../rpc/rpc-fixture.js";
import { Shape, type Comparison, type DocExample, type Outcome } from "./doc-example-types.js";
import { DOC_EXAMPLES } from "./doc-examples.js";

/** One statement's answer as `query` gives it. */
interface QueryEntry {
  readonly status: "OK" | "ERR";
  readonly result: unknown;
}

/** What Baton answered: each statement's outcome, or the whole call's error (a parse error). */
type Answer = { readonly entries: readonly Outcome[] } | { readonly callError: string };

async function answer(db: RpcClient, text: string): Promise<Answer> {
  try {
    const entries = (await db.call("query", [text])) as QueryEntry[];
    return { entries: entries.map((entry) => (entry.status === "OK" ? { ok: entry.result } : { error: String(entry.result) })) };
  } catch (error) {
    if (error instanceof RpcClientError) return { callError: error.message };
    throw error;
  }
}

function fits(shape: Shape, value: unknown): boolean {
  switch (shape.kind) {
    case "record":
      return value instanceof RecordId && (shape.table === undefined || value.table === shape.table);
    case "datetime":
      return value instanceof Datetime;
    case "uuid":
      return value instanceof Uuid;
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" || typeof value === "bigint";
    case "array":
      return Array.isArray(value);
  }
}

/**
 * `actual` with every value that fits the placeholder at the same place in `expected` replaced
 * by that placeholder, so that one `toEqual` then compares the rest exactly and shows a readable diff.
 */
function conform(expected: unknown, actual: unknown): unknown {
  if (expected instanceof Shape) return fits(expected, actual) ? expected : actual;
  if (Array.isArray(expected) && Array.isArray(actual)) return actual.map((item, index) => conform(expected[index], item));
  if (isRecord(expected) && isRecord(actual)) {
    return Object.fromEntries(Object.entries(actual).map(([key, value]) => [key, conform(expected[key], value)]));
  }
  return actual;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
}

/** Every record id reduced to its table (for ids the database generated). */
function tablesOnly(value: unknown): unknown {
  if (value instanceof RecordId) return new Shape("record", value.table);
  if (Array.isArray(value)) return value.map(tablesOnly);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, tablesOnly(inner)]));
  return value;
}

function containsShape(value: unknown): boolean {
  if (value instanceof Shape) return true;
  if (Array.isArray(value)) return value.some(containsShape);
  if (isRecord(value)) return Object.values(value).some(containsShape);
  return false;
}

/** A value's text: bigints, datetimes, UUIDs and NONE readable; record ids with their keys, or by table only. */
function valueText(value: unknown, options: { keys: boolean }): string {
  const text = JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner === "bigint") return `${inner}n`;
    if (typeof inner === "symbol") return "NONE";
    if (inner instanceof RecordId) return options.keys ? `RecordId(${inner.table}:${JSON.stringify(inner.id)})` : `RecordId(${inner.table})`;
    if (inner instanceof Datetime || inner instanceof Uuid) return `${inner.constructor.name}(${inner.toString()})`;
    return inner;
  });
  return text ?? String(value);
}

/** A value's text for failure messages. */
const printed = (value: unknown): string => valueText(value, { keys: true });

/** A stable text for sorting the members of an ignore-order result: generated keys must not decide the order. */
const sortKey = (value: unknown): string => valueText(value, { keys: false });

function sorted(value: unknown): unknown {
  return Array.isArray(value) ? [...value].sort((a, b) => sortKey(a).localeCompare(sortKey(b))) : value;
}

/** Baton's result made comparable with `wanted` as `compare` says. */
function seen(options: { compare: Comparison; wanted: unknown; got: unknown }): unknown {
  const { compare, wanted, got } = options;
  switch (compare) {
    case "exact":
      return got;
    case "shape":
      return conform(wanted, got);
    case "ignore-ids":
      return tablesOnly(got);
    case "ignore-order":
      return conform(wanted, sorted(got));
  }
}

/** Compares one statement's outcome with the documented one (throws an assertion error if they differ). */
function expectOutcome(options: { actual: Outcome; expected: Outcome; compare: Comparison; label: string }): void {
  const { actual, expected, compare, label } = options;
  if ("error" in expected) {
    if (!("error" in actual)) throw new Error(`${label}: expected an error, got the result ${printed(actual.ok)}`);
    expect(actual.error, `${label}: Baton's error: ${actual.error}`).toMatch(expected.error);
    return;
  }
  if (!("ok" in actual)) throw new Error(`${label}: expected a result, got the error: ${actual.error}`);
  const got = actual.ok;
  if (compare === "exact") expect(containsShape(expected.ok), `${label}: placeholders need another comparison than exact`).toBe(false);
  const wanted = compare === "ignore-ids" ? tablesOnly(expected.ok) : compare === "ignore-order" ? sorted(expected.ok) : expected.ok;
  expect(seen({ compare, wanted, got }), `${label}: Baton answered ${printed(got)}`).toEqual(wanted);
}

/** Runs `example` on a new client in a namespace of its own and compares every statement. */
export async function runDocExample(options: { example: DocExample; db: RpcClient }): Promise<void> {
  const { example, db } = options;
  for (const statement of example.setup ?? []) {
    const setup = await answer(db, statement);
    expect(setup, `setup ${statement}`).not.toHaveProperty("callError");
    if ("entries" in setup) for (const entry of setup.entries) expect(entry, `setup ${statement}`).not.toHaveProperty("error");
  }
  const result = await answer(db, example.query);
  if ("callError" in result) throw new Error(`The query did not parse: ${result.callError}`);
  expect(result.entries.length, "one result per statement").toBe(example.expected.length);
  example.expected.forEach((expected, index) => {
    const actual = result.entries[index] as Outcome;
    expectOutcome({ actual, expected, compare: example.compare ?? "exact", label: `statement ${index + 1}` });
  });
}

/** Why `example` fails on `backend`, if the data says it does. */
export function failureOn(example: DocExample, backend: BackendName): string | undefined {
  return example.fails ?? example.failsOn?.[backend];
}

/** Registers one test per documentation example on `baton` (CBOR: results as client-sdk values). */
function docExampleCases(baton: RpcFixture): void {
  describe("examples", () => {
    for (const example of DOC_EXAMPLES) {
      const failure = failureOn(example, baton.backend.name);
      const run = async () => {
        const db = await baton.client({ namespace: baton.newNamespace("doc") });
        await runDocExample({ example, db });
      };
      if (failure === undefined) test(example.id, run);
      else test.fails(`${example.id} — fails on Baton: ${failure}`, run);
    }
  });
}

/** The suite on one backend and transport, in CBOR (the format whose values the data is written in). */
export function docExampleSuite(transport: RpcTransport, backend: Backend): void {
  describe(`SurrealDB documentation examples over ${transport} (cbor) on ${backend.label}`, () => {
    docExampleCases(useRpcBaton({ transport, format: "cbor", backend }));
  });
}
