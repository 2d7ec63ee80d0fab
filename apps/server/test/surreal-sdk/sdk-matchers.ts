// The `toEqualValue` matcher for the SDK suite: strict deep equality that sees inside the SDK's
// value classes, with failure diffs that show them (vitest alone shows every RecordId as `{}`).
import { Value } from "surrealdb";
import { expect } from "vitest";

/**
 * The SDK's value classes (RecordId, DateTime, Uuid, Decimal …) keep their state in private
 * fields, which `toEqual` cannot see: without this every RecordId would equal every other. Two
 * SDK values are equal when they are of the same class and the SDK's own `equals` says so.
 */
function sdkValuesEqual(a: unknown, b: unknown): boolean | undefined {
  if (!(a instanceof Value) && !(b instanceof Value)) return undefined;
  return a instanceof Value && b instanceof Value && a.constructor === b.constructor && a.equals(b);
}
expect.addEqualityTesters([sdkValuesEqual]);

/**
 * The value as plain data: every SDK class instance written as `Class(text)` (the SDK's own
 * SurrealQL text: nanoseconds, record key types and escapes included), bytes as hex, a set as its
 * sorted members. Comparing these compares exactly, and failure diffs show them: vitest alone
 * prints those instances as `RecordId {}` (their state is private) and sees no difference.
 */
function printable(value: unknown): unknown {
  if (value instanceof Value) return `${value.constructor.name.replace(/\$\d+$/, "")}(${value.toString()})`;
  if (value instanceof ArrayBuffer) return `ArrayBuffer(${Buffer.from(value).toString("hex")})`;
  if (value instanceof Uint8Array) return `Uint8Array(${Buffer.from(value).toString("hex")})`;
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (value instanceof Set) return `Set(${[...value].map((member) => text(printable(member))).sort().join(", ")})`;
  if (Array.isArray(value)) return value.map(printable);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, printable(inner)]));
  }
  return value;
}

function text(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "bigint" ? `${inner}n` : inner)) ?? "undefined";
}

interface SdkMatchers<R = unknown> {
  /** Strict deep equality that sees inside the SDK's value classes, with a readable diff. */
  toEqualValue(expected: unknown): R;
}

declare module "vitest" {
  // The type parameter must repeat vitest's own declaration, default included, to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends SdkMatchers<T> {}
}

expect.extend({
  toEqualValue(received: unknown, expected: unknown) {
    const [actual, wanted] = [printable(received), printable(expected)];
    const pass = this.equals(actual, wanted, [], true);
    return {
      pass,
      message: () => `expected ${this.utils.printReceived(actual)} ${pass ? "not " : ""}to equal ${this.utils.printExpected(wanted)}`,
      actual,
      expected: wanted,
    };
  },
});
